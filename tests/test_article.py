"""The English help article carries every fact of the source article, in order."""

from __future__ import annotations

import pytest

from generator.content.locales import SiteLocale
from generator.rendering.pages import build_pages
from support import html_tags, html_text


@pytest.fixture(scope="module")
def pages(content):
    return {page.directory: page for page in build_pages(content, SiteLocale("en-US"))}


@pytest.fixture(scope="module")
def article(pages, policy):
    return pages[policy.article.id]


@pytest.fixture(scope="module")
def article_text(article):
    return html_text(article.html)


# Each fact of the source article, as it must read in the English article, in the
# order the source gives them (the statuses come before the label steps).
SEED_FACTS = [
    "turned down the refurbisher's counteroffer",
    "unlink your user accounts",
    "upload your ID",
    "even with help from the refurbisher or from Customer Care",
    "sends your device within 2 business days",
    "tracking number",
    "counterfeit, greylisted, blocklisted or rooted",
    "(iCloud, Google, Samsung…)",
    "chose not to send, or did not try to send, a copy of your ID",
    "prepaid return label",
    "Step 1: Start a shipment on the UPS website",
    "“Create a Shipment” page of UPS",
    "continue as a guest",
    "Step 2: Estimate the weight of the parcel",
    "Smartphone 0.55 lb",
    "Tablet 1.65 lb",
    "Laptop 4.4 lb",
    "Game console 6 lb",
    "weigh it yourself or have it weighed at the post office",
    "Step 3: Fill in the addresses",
    "Sender: the refurbisher's address. The refurbisher must give it to you.",
    "Recipient: your own postal address.",
    "Step 4: Insure the parcel",
    "lost or damaged",
    "Step 5: Send the label to the refurbisher",
    "attach the label to a message to the refurbisher",
    "Customer Care can step in",
    "they must ship your device within 2 business days",
    "Contact Customer Care",
]


def test_article_states_every_seed_fact_in_order(article_text):
    position = 0
    for fact in SEED_FACTS:
        found = article_text.find(fact, position)
        assert found >= 0, f"missing or out of order: {fact!r}"
        position = found + len(fact)


@pytest.mark.parametrize("outcome", ["free-return", "prepaid-label", "check-device-status", "contact-support"])
def test_jump_to_links_reach_each_outcome_section(article, outcome):
    tags = html_tags(article.html)
    assert ("a", {"href": f"#{outcome}"}) in tags
    assert any(tag == "h2" and attrs.get("id") == outcome for tag, attrs in tags)


@pytest.mark.parametrize(
    ("link", "href"),
    [
        ("shipment page", "https://www.ups.com/ship/guided/origin?loc=en_US"),
        ("contact form", "https://help.backmarket.com/hc/en-us/requests/new"),
    ],
    ids=["carrier", "contact-form"],
)
def test_market_links_come_from_the_us_market(article, link, href):
    assert any(tag == "a" and attrs.get("href") == href for tag, attrs in html_tags(article.html)), link


def test_outcome_page_repeats_the_article_snippet(pages, article):
    """One template, used twice: the finder's result shows the article's own text."""
    outcome_page = pages["finder/not-flagged/accounts/did-not-try"]
    start = article.html.index('<div class="outcome" data-outcome-body="prepaid-label">')
    snippet = article.html[start : article.html.index("</div>", start)]
    assert snippet in outcome_page.html
