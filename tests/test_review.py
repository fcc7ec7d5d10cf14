"""The review page: every scenario, question, answer and outcome, in each locale's words, kept from customers.

Expected counts are worked out by hand from content/policy.yaml (6 device
statuses × 5 reasons × 2 efforts = 60 combinations); the locale's words are
read from its catalog, not from the code under test.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest

from generator.content.locales import SiteLocale
from generator.rendering.pages import build_pages
from generator.rendering.review import MAX_DRAWN, Step, diagram
from support import diagram_boxes, html_text, locale_words

LOCALES = [("en-US", "us"), ("fr-FR", "fr"), ("de-DE", "de"), ("es-ES", "es"), ("it-IT", "it")]

#: Each scenario's answer combinations, counted by hand.
COMBINATIONS = {
    "flagged-device": 40,  # 4 flags × 5 reasons × 2 efforts
    "declined-counteroffer": 2,  # × 2 efforts
    "could-not-finalize": 2,  # 2 reasons
    "did-not-try": 4,  # 2 statuses × 2 reasons
    "changed-mind": 4,  # 2 statuses × 2 efforts
    "unknown-status-counteroffer": 2,
    "unknown-status-tried": 2,
    "other-reason": 4,
}


def review_page(content, tag: str, market: str):
    pages = {page.directory: page for page in build_pages(content, SiteLocale(tag, market))}
    return pages["review"]


@pytest.mark.parametrize(("tag", "market"), LOCALES, ids=[tag for tag, _ in LOCALES])
def test_the_review_page_shows_every_question_answer_and_outcome_in_the_locales_words(content, tag, market):
    page = review_page(content, tag, market)
    text = " ".join(html_text(page.html).split())
    boxes = diagram_boxes(page.html)

    for wording in locale_words(content.policy, tag):
        assert " ".join(wording.split()) in text, wording
        assert " ".join(wording.split()) in boxes, f"not a box of the diagram: {wording}"
    assert "data-untranslated" not in page.html


def test_the_policy_table_counts_each_scenarios_combinations(content):
    html = review_page(content, "en-US", "us").html

    rows = re.findall(r'<tr data-scenario="([a-z-]+)">.*?<td>([\d,]+)</td>\s*</tr>', html, re.S)
    assert dict((scenario, int(count)) for scenario, count in rows) == COMBINATIONS
    assert re.search(r"<tfoot>.*<td>60</td>", html, re.S)


def test_the_review_page_is_kept_from_customers_and_robots(content):
    page = review_page(content, "en-US", "us")

    assert not page.listed  # out of the navigation and the search index
    assert page.meta()["robots"] == "noindex"
    assert page.meta()["search"] == {"exclude": True}


def test_the_built_review_page_says_noindex_and_is_not_in_the_sitemap(built_site):
    html = (built_site / "en-us" / "review" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    sitemap = ElementTree.parse(built_site / "en-us" / "sitemap.xml").getroot()
    locations = [element.text for element in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations, "the sitemap lists the other pages"
    assert not [location for location in locations if "/review/" in location]


def test_a_finder_too_large_to_draw_is_left_to_its_list():
    leaves = [Step(outcome=object()) for _ in range(MAX_DRAWN)]  # type: ignore[arg-type]
    root = Step(question=object(), branches=[(object(), leaf) for leaf in leaves])  # type: ignore[arg-type]
    shown = {id(root.question): "Q"} | {id(answer): "A" for answer, _ in root.branches}
    shown |= {id(leaf.outcome): "O" for leaf in leaves}

    assert diagram(root, shown, "label") is None
    root.branches = root.branches[:10]
    assert diagram(root, shown, "label") is not None
