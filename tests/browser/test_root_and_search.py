"""The home page's search box, with JavaScript on and off, and the root page beside a locale's pages.

The words are written here by hand: each locale's label and button, and a
word of its article that its home page does not hold, so that only the
search can lead to the article.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from support import LOCALES

pytestmark = pytest.mark.browser

SLUG = {tag: slug for tag, _, slug in LOCALES}
ARTICLE = "get-your-device-back/"
FINDER = "finder/"

#: Per locale: the search box's label, its button, and a word of the article that is not on the home page.
SEARCHES = [
    pytest.param("en-US", "Search the help center", "Search", "counterfeit", id="en-US"),
    pytest.param("fr-FR", "Rechercher dans le centre d’aide", "Rechercher", "contrefait", id="fr-FR"),
    pytest.param("de-DE", "Im Hilfe-Center suchen", "Suchen", "Gegenangebot", id="de-DE"),
    pytest.param("es-ES", "Buscar en el centro de ayuda", "Buscar", "falsificado", id="es-ES"),
    pytest.param("it-IT", "Cerca nel centro assistenza", "Cerca", "contraffatto", id="it-IT"),
]


def search_from_home(page: Page, site_url: str, tag: str, label: str, button: str, word: str) -> str:
    """Open the locale's home page, type ``word`` in its search box and send it; return the home's address."""
    home = f"{site_url}/{SLUG[tag]}/"
    page.goto(home)
    page.get_by_role("search", name=label).get_by_role("searchbox", name=label).fill(word)
    page.get_by_role("search", name=label).get_by_role("button", name=button).click()
    return home


@pytest.mark.parametrize(("tag", "label", "button", "word"), SEARCHES)
def test_the_home_search_box_shows_the_article_among_the_results(page, site_url, tag, label, button, word):
    home = search_from_home(page, site_url, tag, label, button, word)
    expect(page).to_have_url(re.compile(re.escape(f"{home}?q=")))
    # Material's search, open with the word, lists the article.
    expect(page.locator(".md-search__input")).to_have_value(word)
    article = page.locator(f'.md-search-result__link[href="{home}{ARTICLE}"]')
    expect(article.first).to_be_visible()
    article.first.click()
    expect(page).to_have_url(f"{home}{ARTICLE}")


@pytest.mark.parametrize(("tag", "label", "button", "word"), SEARCHES)
def test_without_javascript_the_search_box_leads_to_the_list_of_guides(page_nojs, site_url, tag, label, button, word):
    home = search_from_home(page_nojs, site_url, tag, label, button, word)
    expect(page_nojs).to_have_url(re.compile(re.escape(f"{home}?q=")))
    guides = page_nojs.locator(".home__guides a")
    expect(guides).to_have_count(2)
    assert guides.evaluate_all("links => links.map(link => link.href)") == [f"{home}{ARTICLE}", f"{home}{FINDER}"]


def test_an_empty_search_box_is_not_sent(page, site_url):
    home = f"{site_url}/en-us/"
    page.goto(home)
    page.get_by_role("search", name="Search the help center").get_by_role("button", name="Search").click()
    field = page.get_by_role("searchbox", name="Search the help center")
    assert field.evaluate("field => field.validity.valueMissing")
    expect(page).to_have_url(home)


#: What makes a page look like the site: computed styles of its header, title and links.
LOOKS = """() => {
    const style = selector => getComputedStyle(document.querySelector(selector));
    return {
        header: style(".md-header").backgroundColor,
        headerText: style(".md-header").color,
        font: style("body").fontFamily,
        heading: style(".md-typeset h1").color,
        link: style(".md-typeset a").color,
    };
}"""


@pytest.mark.parametrize("js", [pytest.param(True, id="js"), pytest.param(False, id="no-js")])
def test_the_root_page_looks_like_the_sites_pages(request, site_url, js):
    page: Page = request.getfixturevalue("page" if js else "page_nojs")
    page.goto(f"{site_url}/en-us/")
    site = page.evaluate(LOOKS)
    page.goto(f"{site_url}/")
    assert page.evaluate(LOOKS) == site


@pytest.mark.parametrize(("tag", "name"), [("fr-FR", "français (France)"), ("it-IT", "italiano (Italia)")])
def test_a_language_of_the_root_page_leads_to_its_home(page_nojs, site_url, tag, name):
    page_nojs.goto(f"{site_url}/")
    page_nojs.get_by_role("link", name=name).click()
    expect(page_nojs).to_have_url(f"{site_url}/{SLUG[tag]}/")
    expect(page_nojs.locator("html")).to_have_attribute("lang", tag.split("-")[0])
