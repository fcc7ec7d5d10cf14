"""The example help center in Chromium: each kind of page passes axe-core, and Material's search finds each policy.

The example (examples/help-center/: the trade-in, warranty and cancel-order
policies) is built once per run (the ``example_site`` fixture) and served by
each worker. As in test_accessibility.py, one browser context and one page
serve the whole module; the page fails its test if it logs an error or asks
another host than 127.0.0.1 for anything.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser.test_accessibility import assert_accessible
from support import EXAMPLE_POLICY_PAGES, EXAMPLE_SEARCH_WORDS, LOCALES

pytestmark = pytest.mark.browser

#: Each kind of page of a locale, by its path below the locale's folder, written by hand from the policies: the
#: home, then per policy its article, a finder question and a finder result, the reviews, and the 404 page.
PAGES = [
    pytest.param("", id="home"),
    pytest.param("get-your-device-back/", id="trade-in-article"),
    pytest.param("finder/not-flagged/", id="trade-in-question"),
    pytest.param("finder/rooted/", id="trade-in-result"),
    pytest.param("make-a-warranty-claim/", id="warranty-article"),
    pytest.param("make-a-warranty-claim/finder/fault/", id="warranty-question"),
    # The outcome with the procedure, the table of time limits and a note.
    pytest.param("make-a-warranty-claim/finder/fault/not-opened/within-warranty/first-time/", id="warranty-result"),
    pytest.param("cancel-an-order/", id="cancel-order-article"),
    pytest.param("cancel-an-order/finder/shipped/", id="cancel-order-question"),
    pytest.param("cancel-an-order/finder/not-shipped/", id="cancel-order-result"),
    pytest.param("review/", id="reviews"),
    pytest.param("review/warranty/", id="warranty-review"),
    pytest.param("review/cancel-order/", id="cancel-order-review"),
    pytest.param("404.html", id="404"),
]
PER_LOCALE = pytest.mark.parametrize("slug", [pytest.param(slug, id=tag) for tag, _, slug in LOCALES])


@pytest.fixture
def page(shared_page: Page) -> Page:
    """One page for the whole module (see :func:`browser.conftest.shared_page`)."""
    return shared_page


def open_page(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None
    assert response.ok, f"{url}: HTTP {response.status}"


@pytest.mark.parametrize("path", PAGES)
@PER_LOCALE
def test_page_is_accessible(page, example_server, slug, path):
    open_page(page, f"{example_server}/{slug}/{path}")
    assert_accessible(page)


def test_root_page_is_accessible(page, example_server):
    open_page(page, f"{example_server}/")
    assert_accessible(page)


@PER_LOCALE
def test_search_finds_each_policy_by_a_word_of_its_article(page, example_server, slug):
    open_page(page, f"{example_server}/{slug}/")
    field = page.locator("input.md-search__input")
    for policy, word in EXAMPLE_SEARCH_WORDS[slug].items():
        field.click()
        field.fill("")
        # Material reads key strokes, not the value: type the word.
        field.press_sequentially(word)
        address = f"/{slug}/{EXAMPLE_POLICY_PAGES[policy]['article']}"
        # The article, or one of its sections; not its finder.
        article = page.locator(
            f'a.md-search-result__link[href$="{address}"], a.md-search-result__link[href*="{address}#"]'
        )
        expect(article.first, f"{slug}: searching {word!r} shows the {policy} article").to_be_visible()
