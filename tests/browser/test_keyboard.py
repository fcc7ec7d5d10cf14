"""The finder with the keyboard alone: Tab, Shift+Tab and Enter, never a click.

With JavaScript, each answer is shown in place: focus must move to the new
heading, the next Tab must reach the first answer, and the live region must
announce the new step. Without it, each answer is a page of its own, reached
by tabbing from the top of the page. The answers and the outcome they lead to
are written by hand.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

JS = pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
#: The finder's folder in the locales walked; fr-FR proves the keys do not depend on the wording.
LOCALE = pytest.mark.parametrize("slug", [pytest.param("en-us", id="en-US"), pytest.param("fr-fr", id="fr-FR")])
#: A walk to an outcome that answers each question with neither its first nor its last answer when it can.
WALK = (("device-status", "not-flagged"), ("reason", "accounts"), ("effort", "tried"))
WALK_OUTCOME = "free-return"
#: How many key presses may separate two stops: more means a focus trap or a missing link.
MAX_PRESSES = 60

#: What has focus, as a test names it: a link of the finder by its role, or the element outside it.
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "(body)";
    if (element.closest("[data-finder]")) {
        if (element.dataset.change) return "change:" + element.dataset.change;
        if (element.dataset.answer) return "answer:" + element.dataset.answer;
        if (element.hasAttribute("data-restart")) return "restart";
        if (element.id) return "#" + element.id;
    }
    const text = (element.textContent || element.getAttribute("aria-label") || "").trim().replace(/\\s+/g, " ");
    return `${element.tagName.toLowerCase()}${element.className ? "." + element.className.split(" ")[0] : ""} "${text.slice(0, 40)}"`;
}"""


def open_page(request: pytest.FixtureRequest, js: bool) -> Page:
    return request.getfixturevalue("page" if js else "page_nojs")


def focused(page: Page) -> str:
    return page.evaluate(FOCUSED)


def in_finder(stop: str) -> bool:
    return stop.split(":")[0] in {"change", "answer", "restart"}


def tab_to(page: Page, selector: str, key: str = "Tab") -> None:
    """Press ``key`` until the element at ``selector`` has focus; fail with where focus went on the way."""
    passed = []
    for _ in range(MAX_PRESSES):
        if page.evaluate("selector => !!document.activeElement?.matches(selector)", selector):
            return
        page.keyboard.press(key)
        passed.append(focused(page))
    pytest.fail(f"{key} never reached {selector} in {MAX_PRESSES} presses; focus went to: {passed}", pytrace=False)


def node_url(site_url: str, slug: str, path) -> str:
    return f"{site_url}/{slug}/finder/" + "".join(f"{answer}/" for _, answer in path)


@JS
@LOCALE
def test_finder_can_be_completed_with_the_keyboard(request, site_url, slug, js):
    page = open_page(request, js)
    page.goto(node_url(site_url, slug, ()))
    status = page.locator("[data-finder-status]")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_be_empty()
    page.evaluate("window.__marker = 1")

    for index, (question, answer_id) in enumerate(WALK):
        expect(page.locator(f'[data-finder] [data-question="{question}"]')).to_be_visible()
        tab_to(page, f'[data-finder] [data-question="{question}"] a[data-answer="{answer_id}"]')
        page.keyboard.press("Enter")
        expect(page).to_have_url(node_url(site_url, slug, WALK[: index + 1]))
        following = f'[data-question="{WALK[index + 1][0]}"]' if index + 1 < len(WALK) else "[data-outcome]"
        expect(page.locator(f"[data-finder] {following}")).to_be_visible()
        if not js:
            # A new page: nothing announces it but the page itself.
            expect(status).to_be_empty()
            continue
        heading = page.locator("[data-finder] #finder-heading")
        expect(heading).to_be_focused()
        step = page.locator("[data-finder] .finder__step").inner_text().strip()
        wording = heading.inner_text().strip()
        assert step
        assert wording
        expect(status).to_have_text(re.compile(re.escape(step) + r".*" + re.escape(wording)))
        if index + 1 < len(WALK):
            page.keyboard.press("Tab")
            first = page.locator("[data-finder] [data-question] a[data-answer]").first
            expect(first).to_be_focused()

    expect(page.locator("[data-finder] [data-outcome]")).to_have_attribute("data-outcome", WALK_OUTCOME)
    assert page.evaluate("window.__marker") == (1 if js else None), "JavaScript on answers in place, off reloads"


@JS
def test_focus_order_on_a_node_page(request, site_url, policy, js):
    """The skip link comes first and leads to the content; in the finder, the summary, the answers, "Start again"."""
    page = open_page(request, js)
    path = WALK[:2]
    page.goto(node_url(site_url, "en-us", path))
    question = policy.question(WALK[2][0])
    expected = [
        *(f"change:{answered}" for answered, _ in path),
        *(f"answer:{answer.id}" for answer in question.answers),
        "restart",
    ]

    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Skip to content")

    # Tab through the page: the finder's stops, in the order they come.
    stops = []
    for _ in range(MAX_PRESSES):
        page.keyboard.press("Tab")
        stop = focused(page)
        if in_finder(stop):
            stops.append(stop)
        elif stops:
            break
    assert stops == expected

    # Shift+Tab goes back through them in the reverse order.
    back = []
    for _ in expected:
        page.keyboard.press("Shift+Tab")
        back.append(focused(page))
    assert back == expected[::-1]

    # The skip link passes the header and the navigation: the next Tab is in the content.
    tab_to(page, "a.md-skip", key="Shift+Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page) == expected[0]
    expect(page.locator("[data-finder] [data-question]")).to_have_attribute("data-question", question.id)
