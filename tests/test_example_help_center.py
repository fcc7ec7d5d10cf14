"""The example help center (examples/help-center/) builds in its five locales, and every page of it is sound.

It is built once per session (the ``example_site`` fixture of conftest.py), as
``CONTENT=examples/help-center make build`` builds it. Over every locale: each
kind of page is there, the Nu HTML checker finds no error on any page, every
link leads to a page that exists, and the search index holds a word of each
policy's article in the locale's language, and of no other policy. The browser
tests (axe, and a search typed into Material's box) are in
tests/browser/test_example_pages.py.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from test_links import site_problems

from support import (
    EXAMPLE_BASE_URL,
    EXAMPLE_DIR,
    EXAMPLE_POLICY_PAGES,
    EXAMPLE_SEARCH_WORDS,
    LOCALES,
    made_once_per_run,
    nu_errors,
)

ROOT = Path(__file__).resolve().parent.parent

PER_LOCALE = pytest.mark.parametrize("slug", [pytest.param(slug, id=tag) for tag, _, slug in LOCALES])

#: Each kind of page of a locale, by its path below the locale's folder: written by hand from the policies.
KINDS_OF_PAGES = {
    "home": "index.html",
    "trade-in article": "get-your-device-back/index.html",
    "trade-in question": "finder/not-flagged/index.html",
    "trade-in result": "finder/rooted/index.html",
    "trade-in finder.json": "finder.json",
    "warranty article": "make-a-warranty-claim/index.html",
    "warranty question": "make-a-warranty-claim/finder/fault/index.html",
    "warranty result": "make-a-warranty-claim/finder/fault/not-opened/within-warranty/first-time/index.html",
    "warranty finder.json": "make-a-warranty-claim/finder.json",
    "cancel-order article": "cancel-an-order/index.html",
    "cancel-order question": "cancel-an-order/finder/shipped/index.html",
    "cancel-order result": "cancel-an-order/finder/not-shipped/index.html",
    "cancel-order finder.json": "cancel-an-order/finder.json",
    "reviews": "review/index.html",
    "trade-in review": "review/trade-in/index.html",
    "warranty review": "review/warranty/index.html",
    "cancel-order review": "review/cancel-order/index.html",
    "404": "404.html",
    "search index": "search/search_index.json",
}


def test_the_example_holds_the_trade_in_policy_of_content():
    assert (EXAMPLE_DIR / "policy.yaml").read_bytes() == (ROOT / "content" / "policy.yaml").read_bytes()


def test_content_names_the_folder_the_site_is_built_and_previewed_from(monkeypatch):
    """`CONTENT=examples/help-center make serve` previews the example, and rebuilds when it changes."""
    from generator.mkdocs.config import content_folder_of

    monkeypatch.setenv("CONTENT", "examples/help-center")
    config = load_config(str(ROOT / "mkdocs.yml"))

    assert content_folder_of(config) == EXAMPLE_DIR
    assert str(EXAMPLE_DIR) in config.watch
    assert str(ROOT / "content") not in config.watch


def test_the_example_builds_in_every_published_locale(example_site):
    assert sorted(path.name for path in example_site.iterdir() if path.is_dir()) == sorted(s for _, _, s in LOCALES)
    assert (example_site / "index.html").is_file()
    assert (example_site / "llms.txt").is_file()


@PER_LOCALE
def test_every_kind_of_page_is_built(example_site, slug):
    missing = [kind for kind, path in KINDS_OF_PAGES.items() if not (example_site / slug / path).is_file()]
    assert not missing, f"{slug}: not built: {missing}"


def test_the_example_has_its_three_policies_in_order(example_content):
    """policy.yaml first, then policies/ by file name."""
    assert [checked.policy.id for checked in example_content.policies] == ["trade-in", "cancel-order", "warranty"]


@PER_LOCALE
def test_each_policys_finder_json_starts_at_its_finder(example_site, slug):
    for policy, pages in EXAMPLE_POLICY_PAGES.items():
        finder = pages["finder"].removesuffix("/")
        data = json.loads((example_site / slug / f"{finder}.json").read_text(encoding="utf-8"))
        assert data["start"] == finder, f"{slug}: {policy}"


#: The categories of the home page, in the order of help-center.yaml, and the policy of each.
CATEGORIES = [("returns", "trade-in"), ("warranty", "warranty"), ("orders", "cancel-order")]


@PER_LOCALE
def test_the_home_page_lists_every_policy_under_its_category(example_site, slug):
    home = (example_site / slug / "index.html").read_text(encoding="utf-8")
    headings = [home.index(f'id="category-{category}"') for category, _ in CATEGORIES]
    assert headings == sorted(headings), "the categories in their order"
    for category, policy in CATEGORIES:
        heading = home.index(f'id="category-{category}"')
        section = home[heading : home.index("</section>", heading)]
        for page in EXAMPLE_POLICY_PAGES[policy].values():
            assert f'href="{page}"' in section, f"{slug}: {category} links {page}"


@PER_LOCALE
def test_the_sitemap_and_hreflang_name_every_policys_pages(example_site, slug):
    sitemap = (example_site / slug / "sitemap.xml").read_text(encoding="utf-8")
    for pages in EXAMPLE_POLICY_PAGES.values():
        for page in pages.values():
            assert f"<loc>{EXAMPLE_BASE_URL}{slug}/{page}</loc>" in sitemap, page
    assert "/review/" not in sitemap
    article = (example_site / slug / "make-a-warranty-claim" / "index.html").read_text(encoding="utf-8")
    for tag, _, other in LOCALES:
        link = f'<link rel="alternate" href="{EXAMPLE_BASE_URL}{other}/make-a-warranty-claim/" hreflang="{tag}">'
        assert link in article, link


@pytest.mark.parametrize(("tag", "lang", "slug"), [pytest.param(*locale, id=locale[0]) for locale in LOCALES])
def test_every_page_is_in_the_language_of_its_locale(example_site, tag, lang, slug):
    wrong = [
        page.relative_to(example_site).as_posix()
        for page in (example_site / slug).rglob("*.html")
        if f'<html lang="{lang}"' not in page.read_text(encoding="utf-8")
    ]
    assert not wrong, f"{tag}: pages not in {lang}: {wrong}"


def example_pages(site: Path) -> list[str]:
    """Every HTML page of the example, relative to its root: the root page and every page of every locale."""
    pages = sorted(
        page.relative_to(site).as_posix() for _, _, slug in LOCALES for page in (site / slug).rglob("*.html")
    )
    return ["index.html", *pages]


@pytest.fixture(scope="module")
def html_problems(tmp_path_factory, example_site) -> dict[str, list[str]]:
    """What the Nu HTML checker finds wrong in every page of the example, by page: one run for them all, whichever
    worker asks first (its Java virtual machine takes seconds to start)."""

    def check(folder: Path) -> None:
        found = nu_errors(example_site, example_pages(example_site))
        folder.mkdir()
        (folder / "problems.json").write_text(json.dumps(found), encoding="utf-8")

    folder = made_once_per_run(tmp_path_factory, "example-html-problems", check)
    return json.loads((folder / "problems.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "folder", [*(pytest.param(slug, id=tag) for tag, _, slug in LOCALES), pytest.param("", id="root")]
)
def test_every_page_is_valid_html(example_site, html_problems, folder):
    pages = (
        [page for page in example_pages(example_site) if page.startswith(f"{folder}/")] if folder else ["index.html"]
    )
    assert len(pages) >= (len(KINDS_OF_PAGES) - 3 if folder else 1)  # finder.json and the index are not pages
    unplaced = sorted(set(html_problems) - set(example_pages(example_site)))
    errors = [f"{page}:{line}" for page in [*pages, *unplaced] for line in html_problems.get(page, [])]
    if errors:
        pytest.fail(f"{len(errors)} HTML errors (Nu HTML checker):\n" + "\n".join(errors), pytrace=False)


@pytest.mark.parametrize(
    "folder", [*(pytest.param(slug, id=tag) for tag, _, slug in LOCALES), pytest.param("", id="root")]
)
def test_every_link_leads_to_a_page_that_exists(example_site, folder):
    pages = sorted((example_site / folder).rglob("*.html")) if folder else [example_site / "index.html"]
    problems = site_problems(example_site, EXAMPLE_BASE_URL, pages)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def search_documents(example_site: Path, slug: str) -> list[tuple[str, str]]:
    """Each document of the locale's search index: its location, and its title and text as lowercase words."""
    index = json.loads((example_site / slug / "search" / "search_index.json").read_text(encoding="utf-8"))
    documents = []
    for document in index["docs"]:
        text = html.unescape(re.sub(r"<[^>]+>", " ", f"{document['title']} {document['text']}"))
        documents.append((document["location"], text.casefold()))
    return documents


def policy_of(location: str) -> str | None:
    """The policy whose article or finder holds ``location`` of the search index; None for the home page."""
    for policy, pages in EXAMPLE_POLICY_PAGES.items():
        if location.startswith((pages["article"], pages["finder"])):
            return policy
    return None


def in_article(location: str, policy: str) -> bool:
    """Whether ``location`` of the search index is the article of ``policy`` or one of its sections."""
    article = EXAMPLE_POLICY_PAGES[policy]["article"]
    return location == article or location.startswith(f"{article}#")


@pytest.mark.parametrize(
    ("slug", "policy", "word"),
    [
        pytest.param(slug, policy, word, id=f"{slug}-{policy}-{word}")
        for slug, words in EXAMPLE_SEARCH_WORDS.items()
        for policy, word in words.items()
    ],
)
def test_the_search_index_holds_a_word_of_each_policy_in_the_locale_language(example_site, slug, policy, word):
    pattern = re.compile(rf"(?<!\w){re.escape(word.casefold())}(?!\w)")
    found = [location for location, text in search_documents(example_site, slug) if pattern.search(text)]

    article = EXAMPLE_POLICY_PAGES[policy]["article"]
    assert any(in_article(location, policy) for location in found), f"{word!r} not in {slug}/{article}: {found}"
    others = [location for location in found if policy_of(location) not in {policy, None}]
    assert not others, f"{word!r} is not {policy}'s alone: {others}"


@pytest.mark.parametrize("slug", [pytest.param(slug, id=tag) for tag, _, slug in LOCALES if tag != "en-US"])
def test_the_search_index_of_a_locale_is_not_english(example_site, slug):
    english = EXAMPLE_SEARCH_WORDS["en-us"].values()
    texts = " ".join(text for _, text in search_documents(example_site, slug))

    found = [word for word in english if re.search(rf"(?<!\w){word}(?!\w)", texts)]
    assert not found, f"{slug} is searched in English: {found}"
