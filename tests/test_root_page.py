"""The site's root page: every language in its own name, linking to its home page, in the site's own style.

(Valid HTML: tests/test_html_valid.py; accessible: tests/browser/test_accessibility.py; its look beside a
locale's: tests/browser/test_root_and_search.py.)
"""

from __future__ import annotations

import pytest

from generator.content.locales import SiteLocale
from generator.content.model import Interface
from generator.rendering.root import root_files, stylesheets
from support import html_tags, html_text

#: Each published language, as it names itself (CLDR, through Babel), and its folder. Written by hand.
LANGUAGES = [
    ("en-US", "English (United States)", "en-us"),
    ("fr-FR", "français (France)", "fr-fr"),
    ("de-DE", "Deutsch (Deutschland)", "de-de"),
    ("es-ES", "español (España)", "es-es"),
    ("it-IT", "italiano (Italia)", "it-it"),
]


@pytest.fixture(scope="module")
def root(built_site) -> str:
    return (built_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("tag", "name", "slug"), [pytest.param(*language, id=language[0]) for language in LANGUAGES])
def test_the_root_names_each_language_in_its_own_words_and_links_its_home(root, built_site, tag, name, slug):
    links = [attrs for tag_name, attrs in html_tags(root) if tag_name == "a" and attrs.get("href") == f"{slug}/"]
    assert links == [{"href": f"{slug}/", "hreflang": tag, "lang": tag}]
    assert name in html_text(root)
    assert (built_site / slug / "index.html").is_file()


@pytest.mark.parametrize(("tag", "slug"), [*((tag, slug) for tag, _, slug in LANGUAGES), ("x-default", "")])
def test_the_root_names_the_address_of_every_language_for_search_engines(root, site_server, tag, slug):
    href = f"{site_server}/{slug}/" if slug else f"{site_server}/"
    assert ("link", {"rel": "alternate", "href": href, "hreflang": tag}) in html_tags(root)


def test_the_root_is_in_the_source_language_and_styled_by_the_sites_stylesheets(root, built_site):
    assert html_tags(root)[0] == ("html", {"lang": "en-US"})
    home = (built_site / "en-us" / "index.html").read_text(encoding="utf-8")
    expected = [f"en-us/{href}" for href in stylesheets(home)]
    assert any("/main." in href for href in expected), "Material's stylesheet"
    assert "en-us/assets/stylesheets/help-center.css" in expected
    assert stylesheets(root) == expected
    for href in expected:
        assert (built_site / href).is_file(), href
    assert ("link", {"rel": "icon", "href": "en-us/assets/favicon.svg", "type": "image/svg+xml"}) in html_tags(root)
    assert (built_site / "en-us" / "assets" / "favicon.svg").is_file()
    assert not [tag for tag, _ in html_tags(root) if tag == "script"], "the root page works without JavaScript"


INTERFACE = Interface.from_data(
    {"site_name": "Help <Center>", "home": {"description": "All."}, "llms": {"languages": "Languages"}, "units": {}}
)


@pytest.mark.parametrize(
    ("home_page", "expected"),
    [
        pytest.param('<link rel="stylesheet" href="assets/a.css">', ["fr-fr/assets/a.css"], id="relative"),
        pytest.param('<link rel="stylesheet" href="/css/b.css">', ["/css/b.css"], id="from-the-host-root"),
        pytest.param(
            '<link rel="stylesheet" href="https://cdn.example/c.css">', ["https://cdn.example/c.css"], id="url"
        ),
        pytest.param('<link rel="preload" href="d.css"><link rel="icon" href="e.svg">', [], id="not-stylesheets"),
        pytest.param('<link rel="alternate stylesheet" href="f.css">', [], id="alternate-stylesheet"),
        pytest.param('<LINK REL="StyleSheet" HREF="g.css"><link rel="stylesheet">', ["fr-fr/g.css"], id="any-case"),
    ],
)
def test_the_root_takes_the_stylesheets_of_the_first_locale_built(home_page, expected):
    files = root_files(INTERFACE, SiteLocale("en-US"), [SiteLocale("fr-FR")], "https://h.example/", home_page)
    assert stylesheets(files["index.html"]) == expected
    assert ("link", {"rel": "icon", "href": "fr-fr/assets/favicon.svg", "type": "image/svg+xml"}) in html_tags(
        files["index.html"]
    )


def test_the_root_escapes_the_site_name():
    page = root_files(INTERFACE, SiteLocale("en-US"), [SiteLocale("fr-FR")], "/", "")["index.html"]
    assert "<title>Help &lt;Center&gt;</title>" in page
    assert "<Center>" not in page
