"""Every kind of page, in every published locale, passes axe-core in Chromium.

axe-core (pinned in package-lock.json; `make install` puts it in node_modules/)
runs its WCAG 2.0 and 2.1 A and AA rules and its best practices on the page as
the browser renders it, JavaScript on. Violations are fixed in the templates,
overrides/ or the stylesheet, never by turning a rule off here.

One browser context and one page serve the whole module: axe needs no fresh
state, and a context per page would make this the slowest file of the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from support import LOCALES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: What axe checks: the WCAG 2.0 and 2.1 A and AA rules and its best practices.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
RUN_AXE = """async options => (await axe.run(document, options)).violations.map(violation => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map(node => node.target.join(" ")),
}))"""
#: Material moves and fades its panels in: colours are only final once every transition has ended.
SETTLED = "() => document.getAnimations().every(animation => animation.playState !== 'running')"

#: Every kind of page of a locale, by its path below the locale's folder. One
#: finder node per outcome, written by hand.
PAGES = [
    pytest.param("", id="home"),
    pytest.param("get-your-device-back/", id="article"),
    pytest.param("finder/", id="finder-start"),
    pytest.param("finder/not-flagged/", id="question"),
    pytest.param("finder/not-flagged/counteroffer/", id="free-return"),
    pytest.param("finder/rooted/", id="prepaid-label"),
    pytest.param("finder/status-unknown/counteroffer/", id="check-device-status"),
    pytest.param("finder/not-flagged/other/", id="contact-support"),
    pytest.param("404.html", id="404"),
    pytest.param("review/", id="review-list"),
    pytest.param("review/trade-in/", id="review"),
]
PER_LOCALE = pytest.mark.parametrize("slug", [pytest.param(slug, id=tag) for tag, _, slug in LOCALES])
#: A word every locale's pages contain (the carrier's name), so that the search shows results.
SEARCHED = "UPS"


@pytest.fixture
def page(shared_page: Page) -> Page:
    """One page for the whole module (see :func:`browser.conftest.shared_page`)."""
    return shared_page


def violations(page: Page) -> list[str]:
    """What axe finds wrong with the page on show: one line per rule, then its elements."""
    if not AXE.is_file():
        pytest.fail(f"the accessibility tests need axe-core at {AXE.relative_to(ROOT)}: run `make install`")
    page.wait_for_function(SETTLED)
    page.add_script_tag(path=str(AXE))
    found = []
    for violation in page.evaluate(RUN_AXE, AXE_OPTIONS):
        found.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        found.extend(f"    {target}" for target in violation["targets"])
    return found


def assert_accessible(page: Page) -> None:
    found = violations(page)
    if found:
        pytest.fail(f"axe-core finds violations on {page.url}:\n" + "\n".join(found), pytrace=False)


@pytest.mark.parametrize("path", PAGES)
@PER_LOCALE
def test_page_is_accessible(page, site_url, slug, path):
    response = page.goto(f"{site_url}/{slug}/{path}")
    assert response is not None
    assert response.ok, f"{page.url}: HTTP {response.status}"
    assert_accessible(page)


@PER_LOCALE
def test_search_with_results_is_accessible(page, site_url, slug):
    page.goto(f"{site_url}/{slug}/")
    field = page.locator("input.md-search__input")
    field.click()
    # Material reads key strokes, not the value: type the word.
    field.press_sequentially(SEARCHED)
    expect(page.locator(".md-search-result__list > li").first).to_be_visible()
    expect(page.locator(".md-search")).to_be_visible()
    assert_accessible(page)


def test_root_page_is_accessible(page, site_url):
    response = page.goto(f"{site_url}/")
    assert response is not None
    assert response.ok
    assert_accessible(page)


@PER_LOCALE
def test_review_page_is_accessible_on_a_phone(page, site_url, slug):
    """The wide table and the diagram scroll sideways, each a region the keyboard can reach, at a phone's width."""
    page.set_viewport_size({"width": 375, "height": 740})
    try:
        response = page.goto(f"{site_url}/{slug}/review/trade-in/")
        assert response is not None
        assert response.ok
        assert_accessible(page)
        diagram = page.locator("svg.review-diagram")
        assert diagram.bounding_box()["width"] > 375, "the diagram keeps its size and scrolls"
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})
