"""The example help center in a browser: every kind of page accessible in every locale, and its search finds
each policy.

The words searched are written here by hand, one of each policy's article that
no other policy's pages hold.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from browser.test_accessibility import assert_accessible
from support import LOCALES

pytestmark = pytest.mark.browser

#: One page of each kind: home, articles, a finder's question and result of each shape of policy, reviews, 404.
PAGES = [
    pytest.param("", id="home"),
    pytest.param("make-a-warranty-claim/", id="article-with-procedure-table-money"),
    pytest.param("cancel-an-order/", id="article-without-market-values"),
    pytest.param("make-a-warranty-claim/finder/fault/not-opened/", id="finder-question"),
    pytest.param("make-a-warranty-claim/finder/fault/not-opened/within-warranty/first-time/", id="finder-procedure"),
    pytest.param("cancel-an-order/finder/shipped/whole-order/", id="finder-result"),
    pytest.param("review/", id="review-list"),
    pytest.param("review/warranty/", id="review"),
    pytest.param("404.html", id="404"),
]
SLUGS = [pytest.param(slug, id=tag) for tag, _, slug in LOCALES]


@pytest.fixture(scope="module")
def example_url(example_site, example_server) -> str:
    return example_server[1]


def test_the_root_page_is_accessible(page, example_url):
    response = page.goto(f"{example_url}/")
    assert response is not None
    assert response.ok
    assert_accessible(page)


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_kind_of_page_is_accessible(page, example_url, slug, path):
    response = page.goto(f"{example_url}/{slug}/{path}")
    assert response is not None
    assert response.ok, f"{page.url}: HTTP {response.status}"
    assert_accessible(page)


#: A word of each policy's article, and the article's folder: searching the word lists that article.
SEARCHED = [
    pytest.param("counterfeit", "get-your-device-back/", id="trade-in"),
    pytest.param("diagnosis", "make-a-warranty-claim/", id="warranty"),
    pytest.param("pickup", "cancel-an-order/", id="cancel-order"),
]


@pytest.mark.parametrize(("word", "article"), SEARCHED)
def test_the_search_finds_each_policy(page: Page, example_url, word, article):
    home = f"{example_url}/en-us/"
    page.goto(f"{home}?q={word}")
    expect(page.locator(".md-search__input")).to_have_value(word)
    found = page.locator(f'.md-search-result__link[href^="{home}{article}"]')
    expect(found.first).to_be_visible()
    others = [other for _, other in (param.values for param in SEARCHED) if other != article]
    links = page.locator(".md-search-result__link").evaluate_all("links => links.map(link => link.href)")
    assert not [link for link in links if any(re.search(re.escape(other), link) for other in others)], links
