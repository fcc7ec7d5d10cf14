"""The built site: every page in place, strict MkDocs, and no request to another host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.logic import flow
from generator.logic.addresses import node_dir
from support import html_tags, html_text


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_site_has_a_folder_per_locale_and_a_root_page(built_site):
    assert (built_site / "en-us" / "index.html").is_file()
    root = (built_site / "index.html").read_text(encoding="utf-8")
    assert ("a", {"href": "en-us/", "hreflang": "en-US", "lang": "en-US"}) in html_tags(root)


def test_every_finder_node_is_a_page(built_site, content):
    for node in content.proof.nodes:
        page = built_site / "en-us" / node_dir(node.path) / "index.html"
        html = page.read_text(encoding="utf-8")
        attrs = [attrs for _, attrs in html_tags(html)]
        if isinstance(node, flow.QuestionNode):
            assert {"data-question": node.question.id} in [
                {k: v for k, v in a.items() if k == "data-question"} for a in attrs
            ]
        else:
            assert any(a.get("data-outcome") == node.outcome and a.get("data-scenario") == node.scenario for a in attrs)


def test_article_page_is_built(built_site, policy):
    html = (built_site / "en-us" / policy.article.id / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert f'<meta name="description" content="{policy.article.description[:40]}' in html
    assert "2 business days" in html_text(html)


#: Tags whose address the browser fetches by itself, and the attribute holding it.
_FETCHED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src"}
#: Kinds of <link> the browser fetches (a canonical or alternate link is not fetched).
_FETCHED_LINKS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}
_EXTERNAL = re.compile(r"^(https?:)?//", re.I)
_CSS_URL = re.compile(r"""url\(\s*["']?(https?:)?//""", re.I)


def _fetched_urls(html: str) -> list[str]:
    urls = []
    for tag, attrs in html_tags(html):
        if tag == "link" and set((attrs.get("rel") or "").split()) & _FETCHED_LINKS:
            urls.append(attrs.get("href") or "")
        elif tag in _FETCHED:
            urls.append(attrs.get(_FETCHED[tag]) or "")
    return urls


@pytest.mark.parametrize("kind", ["html", "css"])
def test_no_resource_is_loaded_from_another_host(built_site, kind):
    offenders = []
    if kind == "html":
        for page in _pages(built_site):
            for url in _fetched_urls(page.read_text(encoding="utf-8")):
                if _EXTERNAL.match(url):
                    offenders.append(f"{page.relative_to(built_site)}: {url}")
    else:
        for sheet in built_site.rglob("*.css"):
            if _CSS_URL.search(sheet.read_text(encoding="utf-8")):
                offenders.append(str(sheet.relative_to(built_site)))
    assert offenders == []


def test_the_resource_scan_sees_an_external_script():
    assert _fetched_urls(
        '<script src="https://cdn.example.org/x.js"></script><link rel="canonical" href="https://a/">'
    ) == ["https://cdn.example.org/x.js"]


def test_nothing_is_generated_into_docs():
    docs = Path(__file__).resolve().parent.parent / "docs"
    assert not list(docs.rglob("*.md")), "docs/ holds hand-written pages only; generated pages live in the build"


def test_finder_nodes_stay_out_of_search(built_site):
    index = (built_site / "en-us" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "finder/not-flagged/" not in index
    assert "get-your-device-back/" in index
