"""Every page of every published locale names its translations: hreflang, sitemaps, `<html lang>`, the root page.

Read from the built files with an HTML parser; no browser needed. The site is
built for the address it is served at, so the absolute links name that address.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from support import LOCALES, html_tags

PER_LOCALE = pytest.mark.parametrize(
    ("tag", "language", "slug"), [pytest.param(*locale, id=locale[0]) for locale in LOCALES]
)
#: What keeps a page (the review page) out of search engines, and so out of the sitemap.
NOINDEX = '<meta name="robots" content="noindex">'
SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def pages(built_site: Path, slug: str) -> dict[str, Path]:
    """The pages of a locale by their path below the locale's folder: "" for its home, "finder/rooted/", …"""
    folder = built_site / slug
    found = {
        page.parent.relative_to(folder).as_posix().removeprefix(".") + "/": page for page in folder.rglob("index.html")
    }
    return {path.removeprefix("/"): page for path, page in found.items()}


def expected_alternates(site_server: str, path: str) -> dict[str, str]:
    return {**{tag: f"{site_server}/{slug}/{path}" for tag, _, slug in LOCALES}, "x-default": f"{site_server}/"}


def head_alternates(html: str) -> list[tuple[str, str]]:
    return [
        (attrs["hreflang"], attrs.get("href"))
        for tag, attrs in html_tags(html)
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs
    ]


def html_lang(html: str) -> str | None:
    return next(attrs.get("lang") for tag, attrs in html_tags(html) if tag == "html")


@PER_LOCALE
def test_every_page_names_the_same_page_in_every_locale(built_site, site_server, tag, language, slug):
    found = pages(built_site, slug)
    assert {"", "get-your-device-back/", "finder/", "finder/not-flagged/accounts/"} <= set(found)
    wrong = []
    for path, page in sorted(found.items()):
        alternates = head_alternates(page.read_text(encoding="utf-8"))
        if sorted(alternates) != sorted(expected_alternates(site_server, path).items()):
            wrong.append(f"{slug}/{path}: {alternates}")
    assert not wrong, "pages whose hreflang links differ from every locale's same page plus x-default:\n" + "\n".join(
        wrong
    )


@PER_LOCALE
def test_every_page_is_in_the_locale_language(built_site, tag, language, slug):
    found = sorted((built_site / slug).rglob("*.html"))
    assert len(found) > 10
    wrong = [
        f"{page.relative_to(built_site)}: lang={html_lang(page.read_text(encoding='utf-8'))!r}"
        for page in found
        if html_lang(page.read_text(encoding="utf-8")) != language
    ]
    assert not wrong, f"pages not marked as {language!r}:\n" + "\n".join(wrong)


@PER_LOCALE
def test_sitemap_lists_every_page_with_its_alternates(built_site, site_server, tag, language, slug):
    tree = ElementTree.parse(built_site / slug / "sitemap.xml")
    listed = {}
    for url in tree.getroot().findall("sm:url", SITEMAP):
        loc = url.findtext("sm:loc", namespaces=SITEMAP)
        links = url.findall("xhtml:link", SITEMAP)
        assert all(link.get("rel") == "alternate" for link in links), loc
        listed[loc] = sorted((link.get("hreflang"), link.get("href")) for link in links)

    prefix = f"{site_server}/{slug}/"
    indexed = {
        path for path, page in pages(built_site, slug).items() if NOINDEX not in page.read_text(encoding="utf-8")
    }
    assert set(listed) == {prefix + path for path in indexed}, "the sitemap lists other pages"
    wrong = [
        f"{loc}: {alternates}"
        for loc, alternates in listed.items()
        if alternates != sorted(expected_alternates(site_server, loc.removeprefix(prefix)).items())
    ]
    assert not wrong, "sitemap entries whose alternates differ from every locale's same page plus x-default:\n" + (
        "\n".join(wrong)
    )


def test_root_page_links_to_every_locale(built_site):
    tags = html_tags((built_site / "index.html").read_text(encoding="utf-8"))
    links = [attrs for tag, attrs in tags if tag == "a"]
    for tag, _, slug in LOCALES:
        assert {"href": f"{slug}/", "hreflang": tag, "lang": tag} in links, f"the root page does not link to {tag}"
