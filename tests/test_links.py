"""Every link of the built site leads somewhere, and every page says what it is about.

Over every HTML page of every locale (en-XA included) and the root page:

* an internal link (``a[href]``, ``link[href]``, ``script[src]``, ``img[src]``)
  resolves to a file of the site (a folder's URL to its ``index.html``), and its
  ``#fragment`` to an ``id`` (or ``name``) of the target page;
* ``link rel=canonical`` and ``rel=alternate`` are absolute, under the address
  the site is served at, and name an existing page;
* a link to another host uses ``https:``, no link runs ``javascript:``, and a
  link that opens a new tab (``target="_blank"``) has ``rel="noopener"``;
* the page has a non-empty ``<meta name="description">``.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from support import LOCALES

#: Every locale folder of the built site: the published locales and the pseudo-locale.
SLUGS = [slug for _, _, slug in LOCALES] + ["en-xa"]
#: Which attribute of a tag holds a link the checker follows.
_LINK_ATTRIBUTES = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src", "iframe": "src"}
#: ``<link rel>`` values that name another page by its full address.
_ABSOLUTE_RELS = {"canonical", "alternate"}
#: Schemes that are not a place on the web: nothing to resolve.
_NOT_FOLLOWED = {"mailto", "tel", "data"}


@dataclass
class ParsedPage:
    """What the checker needs of one HTML page."""

    #: Every (tag, attributes) that holds a link.
    links: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    #: Every ``id`` and ``<a name>`` of the page: the fragments a link may point at.
    anchors: set[str] = field(default_factory=set)
    #: The ``content`` of each ``<meta name="description">``.
    descriptions: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.page.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.anchors.add(values["name"])
        if tag == "meta" and values.get("name", "").lower() == "description":
            self.page.descriptions.append(values.get("content", ""))
        if _LINK_ATTRIBUTES.get(tag) in values:
            self.page.links.append((tag, values))


def parse(html: str) -> ParsedPage:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.page


@functools.cache
def _parse_file(path: Path) -> ParsedPage:
    return parse(path.read_text(encoding="utf-8"))


def _target_file(site: Path, base_url: str, url: str) -> Path | None:
    """Return the file of ``site`` that serves the absolute ``url``, or ``None`` when it is not under ``base_url``."""
    base, target = urlsplit(base_url), urlsplit(url)
    if (target.scheme, target.netloc) != (base.scheme, base.netloc) or not target.path.startswith(base.path):
        return None
    path = unquote(target.path[len(base.path) :])
    if path == "" or path.endswith("/"):
        path += "index.html"
    path = posixpath.normpath(path)
    if path.startswith("../") or path == "..":
        return None
    file = site / path
    return file / "index.html" if file.is_dir() else file


def page_problems(site: Path, base_url: str, page: Path) -> list[str]:
    """Return every broken link and missing description of ``page``, a file of ``site`` served at ``base_url``."""
    name = page.relative_to(site).as_posix()
    parsed = _parse_file(page)
    problems = []
    if not parsed.descriptions:
        problems.append(f'{name}: no <meta name="description">')
    elif not all(text.strip() for text in parsed.descriptions):
        problems.append(f'{name}: an empty <meta name="description">')
    page_url = urljoin(base_url, name)
    for tag, attrs in parsed.links:
        href = attrs[_LINK_ATTRIBUTES[tag]]
        where = f"{name} → {href or '(empty)'}"
        rels = set(attrs.get("rel", "").lower().split())
        if tag == "a" and attrs.get("target") == "_blank" and "noopener" not in rels:
            problems.append(f'{where}: target="_blank" without rel="noopener"')
        url = urljoin(page_url, href.strip())
        parts = urlsplit(url)
        if parts.scheme == "javascript":
            problems.append(f"{where}: a javascript: link")
            continue
        if parts.scheme in _NOT_FOLLOWED:
            continue
        if parts.scheme not in {"http", "https"}:
            problems.append(f"{where}: unexpected scheme {parts.scheme}:")
            continue
        target = _target_file(site, base_url, url)
        absolute = tag == "link" and rels & _ABSOLUTE_RELS
        if absolute and (target is None or not urlsplit(href).scheme):
            kind = " ".join(sorted(rels & _ABSOLUTE_RELS))
            problems.append(f"{where}: rel={kind} must be an absolute address under {base_url}")
            continue
        if target is None:
            if parts.scheme != "https":
                problems.append(f"{where}: a link to another host must use https:")
            continue
        if not target.is_file():
            problems.append(f"{where}: no such file {target.relative_to(site).as_posix()}")
            continue
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".html" and fragment not in _parse_file(target).anchors:
            problems.append(f"{where}: no id {fragment!r} in {target.relative_to(site).as_posix()}")
    return problems


def site_problems(site: Path, base_url: str, pages: list[Path]) -> list[str]:
    return [problem for page in pages for problem in page_problems(site, base_url, page)]


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problems:\n" + "\n".join(problems)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_link_of_a_locale_leads_somewhere(built_site, site_server, slug):
    pages = sorted((built_site / slug).rglob("*.html"))
    assert len(pages) > 20  # home, article, 404 and the finder's nodes
    problems = site_problems(built_site, f"{site_server}/", pages)
    assert not problems, _report(problems)


def test_every_link_of_the_root_page_leads_somewhere(built_site, site_server):
    problems = site_problems(built_site, f"{site_server}/", [built_site / "index.html"])
    assert not problems, _report(problems)


# The checker itself, on a tiny hand-made site: each check can fail.

BASE = "http://127.0.0.1:8000/"
HEAD = '<meta name="description" content="A page.">'


def _site(tmp_path: Path, body: str, head: str = HEAD) -> list[str]:
    _parse_file.cache_clear()
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text(
        f'<html><head>{HEAD}</head><body><h2 id="steps">Steps</h2><a name="old-steps"></a></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    try:
        return page_problems(tmp_path, BASE, page)
    finally:
        _parse_file.cache_clear()


@pytest.mark.parametrize(
    "body",
    [
        '<a href="guide/">Guide</a>',
        '<a href="guide/index.html#steps">Guide</a>',
        '<a href="./guide#old-steps">Guide</a>',
        '<a href="#">Top</a><a href="">Here</a>',
        '<link rel="stylesheet" href="/style.css">',
        f'<link rel="canonical" href="{BASE}"><link rel="alternate" hreflang="fr" href="{BASE}guide/">',
        '<a href="https://example.org/">Elsewhere</a><a href="mailto:help@example.org">Mail</a>',
        '<a href="https://example.org/" target="_blank" rel="noopener noreferrer">Elsewhere</a>',
    ],
)
def test_the_checker_accepts_sound_links(tmp_path, body):
    assert _site(tmp_path, body) == []


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('<a href="missing/">Gone</a>', "index.html → missing/: no such file missing/index.html"),
        ('<a href="guide/#nowhere">Guide</a>', "index.html → guide/#nowhere: no id 'nowhere' in guide/index.html"),
        ('<a href="#nowhere">Here</a>', "index.html → #nowhere: no id 'nowhere' in index.html"),
        ('<link rel="stylesheet" href="styles.css">', "index.html → styles.css: no such file styles.css"),
        ('<script src="app.js"></script>', "index.html → app.js: no such file app.js"),
        (
            '<link rel="canonical" href="guide/">',
            "index.html → guide/: rel=canonical must be an absolute address under",
        ),
        (
            '<link rel="alternate" hreflang="fr" href="https://help.example.com/fr/">',
            "index.html → https://help.example.com/fr/: rel=alternate must be an absolute address under",
        ),
        (
            f'<link rel="alternate" hreflang="fr" href="{BASE}fr/">',
            f"index.html → {BASE}fr/: no such file fr/index.html",
        ),
        (
            '<a href="http://example.org/">Elsewhere</a>',
            "index.html → http://example.org/: a link to another host must use https:",
        ),
        (
            '<a href="https://example.org/" target="_blank">Elsewhere</a>',
            'index.html → https://example.org/: target="_blank" without rel="noopener"',
        ),
        ('<a href="javascript:alert(1)">Run</a>', "index.html → javascript:alert(1): a javascript: link"),
    ],
)
def test_the_checker_reports_a_broken_link(tmp_path, body, problem):
    problems = _site(tmp_path, body)
    assert len(problems) == 1, problems
    assert problems[0].startswith(problem)


@pytest.mark.parametrize(
    ("head", "problem"),
    [
        ("<title>No description</title>", 'index.html: no <meta name="description">'),
        ('<meta name="description" content=" ">', 'index.html: an empty <meta name="description">'),
    ],
)
def test_the_checker_reports_a_missing_description(tmp_path, head, problem):
    assert _site(tmp_path, "", head=head) == [problem]
