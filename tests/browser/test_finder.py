"""The finder in a real browser, with JavaScript on and off.

The expected outcome of each situation is written out by hand below, from the
policy as a reader understands it; the code under test only tells which
questions the finder asks on the way (``follow``), never where it must end.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from playwright.sync_api import Page, expect

from generator.logic.flow import Path
from generator.logic.table import build_table, decide
from support import expect_shown

pytestmark = pytest.mark.browser

FINDER = "/en-us/finder/"
ARTICLE = "/en-us/get-your-device-back/"

#: The seed's situations: the answers a customer in that situation gives, and
#: the outcome the policy promises them. Written by hand, not derived.
SITUATIONS = [
    pytest.param({"device-status": "not-flagged", "reason": "counteroffer"}, "free-return", id="declined-counteroffer"),
    pytest.param(
        {"device-status": "not-flagged", "reason": "accounts", "effort": "tried"},
        "free-return",
        id="tried-to-unlink-accounts",
    ),
    pytest.param(
        {"device-status": "not-flagged", "reason": "identity", "effort": "tried"},
        "free-return",
        id="tried-to-upload-id",
    ),
    pytest.param(
        {"device-status": "not-flagged", "reason": "accounts", "effort": "did-not-try"},
        "prepaid-label",
        id="did-not-unlink-accounts",
    ),
    pytest.param(
        {"device-status": "not-flagged", "reason": "identity", "effort": "did-not-try"},
        "prepaid-label",
        id="did-not-send-id",
    ),
    pytest.param({"device-status": "counterfeit"}, "prepaid-label", id="counterfeit"),
    pytest.param({"device-status": "greylisted"}, "prepaid-label", id="greylisted"),
    pytest.param({"device-status": "blocklisted"}, "prepaid-label", id="blocklisted"),
    pytest.param({"device-status": "rooted"}, "prepaid-label", id="rooted"),
    pytest.param({"device-status": "not-flagged", "reason": "changed-mind"}, "prepaid-label", id="just-want-it-back"),
    pytest.param({"device-status": "not-flagged", "reason": "other"}, "contact-support", id="none-of-these"),
    pytest.param(
        {"device-status": "status-unknown", "reason": "counteroffer"},
        "check-device-status",
        id="status-unknown-counteroffer",
    ),
    pytest.param(
        {"device-status": "status-unknown", "reason": "accounts", "effort": "did-not-try"},
        "prepaid-label",
        id="status-unknown-did-not-unlink-accounts",
    ),
]

JS = pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])


def node_url(site_url: str, path: Path) -> str:
    """The address of the finder's node after the answers in ``path``."""
    return site_url + FINDER + "".join(f"{answer}/" for _, answer in path)


def open_page(request: pytest.FixtureRequest, js: bool) -> Page:
    return request.getfixturevalue("page" if js else "page_nojs")


def finder_path(policy, content, answers: Mapping[str, str]) -> Path:
    """The answers of a situation in the order the finder asks for them.

    Fails if the finder asks a question the situation does not answer, or
    stops before asking one it does.
    """
    asked = dict(answers)
    path = content.proof.flow.follow(_Strict(asked)).path
    assert dict(path) == asked, f"the finder asks {[q for q, _ in path]}, the situation answers {list(asked)}"
    return path


class _Strict(dict):
    def __missing__(self, question: str) -> str:
        raise AssertionError(f"the finder asks '{question}', which the situation does not answer")


def answer(page: Page, question: str, answer_id: str) -> None:
    """Click an answer of the question on show."""
    page.locator(f'[data-finder] [data-question="{question}"] a[data-answer="{answer_id}"]').click()


def expect_node(page: Page, site_url: str, path: Path, shows: str) -> None:
    """Wait until the node after ``path`` is on show; ``shows`` is the selector of its question or outcome."""
    expect(page).to_have_url(node_url(site_url, path))
    expect_shown(page, node_url(site_url, path))
    expect(page.locator(f"[data-finder] {shows}")).to_be_visible()


def next_selector(path: Path, index: int) -> str:
    """What the finder shows after the answer at ``index``: the next question, or an outcome."""
    if index + 1 < len(path):
        return f'[data-question="{path[index + 1][0]}"]'
    return "[data-outcome]"


def answered(page: Page) -> list[str]:
    """The questions listed in the "Your answers" summary, in order."""
    return page.locator("[data-finder] [data-answered]").evaluate_all("rows => rows.map(row => row.dataset.answered)")


def mark(page: Page) -> None:
    """Set a marker that survives only as long as the document does."""
    page.evaluate("window.__marker = 1")


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("window.__marker") == 1, "the page was reloaded: the finder did not answer in place"


@JS
@pytest.mark.parametrize(("answers", "expected"), SITUATIONS)
def test_situation_reaches_its_outcome(request, site_url, policy, content, js, answers, expected):
    path = finder_path(policy, content, answers)
    page = open_page(request, js)
    page.goto(site_url + FINDER)
    expect(page.locator('[data-finder] [data-question="device-status"]')).to_be_visible()
    if js:
        mark(page)

    for index, (question, answer_id) in enumerate(path):
        answer(page, question, answer_id)
        expect_node(page, site_url, path[: index + 1], next_selector(path, index))

    expect(page.locator("[data-finder] [data-outcome]")).to_have_attribute("data-outcome", expected)
    assert page.locator("[data-outcome]").count() == 1
    if js:
        assert_not_reloaded(page)
        expect(page.locator("[data-finder-status]")).not_to_be_empty()
    else:
        # Nothing wrote to the live region: the links really were plain navigations.
        expect(page.locator("[data-finder-status]")).to_be_empty()


def test_every_combination_has_a_static_outcome_page(page_nojs, site_url, policy, content):
    """Every combination of the decision table (brute force) ends, without JavaScript, on the outcome of its scenario."""
    table = build_table(policy)
    assert table.rows
    seen: dict[str, tuple[str | None, str | None]] = {}
    wrong = []
    for combination, scenarios in table.rows.items():
        answers = table.as_answers(combination)
        assert len(scenarios) == 1, f"{answers} falls in {scenarios}"
        assert decide(policy, answers) == scenarios
        (scenario,) = scenarios
        expected = policy.scenario(scenario).outcome
        url = node_url(site_url, content.proof.flow.follow(answers).path)
        if url not in seen:
            response = page_nojs.goto(url)
            assert response is not None
            assert response.ok, f"{url}: HTTP {response.status}"
            node = page_nojs.locator("[data-finder] [data-outcome]")
            seen[url] = (node.get_attribute("data-outcome"), node.get_attribute("data-scenario"))
        if seen[url] != (expected, scenario):
            wrong.append(f"{answers}: {url} shows {seen[url]}, the table gives {(expected, scenario)}")
    assert not wrong, "\n".join(wrong)


BACK_PATHS = [
    pytest.param(
        (("device-status", "not-flagged"), ("reason", "accounts")), '[data-question="effort"]', id="to-a-question"
    ),
    pytest.param(
        (("device-status", "status-unknown"), ("reason", "identity")), '[data-question="effort"]', id="status-unknown"
    ),
    pytest.param((("device-status", "not-flagged"), ("reason", "counteroffer")), "[data-outcome]", id="to-an-outcome"),
]


@pytest.mark.parametrize(("path", "shows"), BACK_PATHS)
def test_back_button_goes_back_one_question_in_place(page, site_url, path, shows):
    page.goto(site_url + FINDER)
    mark(page)
    answer(page, *path[0])
    expect_node(page, site_url, path[:1], '[data-question="reason"]')
    answer(page, *path[1])
    expect_node(page, site_url, path, shows)

    page.go_back()
    expect_node(page, site_url, path[:1], '[data-question="reason"]')
    assert answered(page) == ["device-status"]
    page.go_back()
    expect_node(page, site_url, (), '[data-question="device-status"]')
    assert answered(page) == []
    page.go_forward()
    expect_node(page, site_url, path[:1], '[data-question="reason"]')
    assert_not_reloaded(page)


def test_reload_keeps_the_node(page, site_url):
    path = (("device-status", "not-flagged"), ("reason", "accounts"))
    page.goto(site_url + FINDER)
    mark(page)
    answer(page, *path[0])
    answer(page, *path[1])
    expect_node(page, site_url, path, '[data-question="effort"]')

    page.reload()
    assert page.evaluate("window.__marker") is None, "the page was not reloaded"
    expect_node(page, site_url, path, '[data-question="effort"]')
    assert answered(page) == ["device-status", "reason"]


DEEP_LINKS = [
    pytest.param(
        (("device-status", "not-flagged"), ("reason", "identity"), ("effort", "tried")), "free-return", id="free-return"
    ),
    pytest.param(
        (("device-status", "status-unknown"), ("reason", "counteroffer")),
        "check-device-status",
        id="check-device-status",
    ),
    pytest.param((("device-status", "rooted"),), "prepaid-label", id="prepaid-label"),
]


@JS
@pytest.mark.parametrize(("path", "expected"), DEEP_LINKS)
def test_deep_link_shows_the_outcome_and_the_answers(request, site_url, policy, js, path, expected):
    page = open_page(request, js)
    page.goto(node_url(site_url, path))
    expect(page.locator("[data-finder] [data-outcome]")).to_have_attribute("data-outcome", expected)
    assert answered(page) == [question for question, _ in path]
    for question, answer_id in path:
        row = page.locator(f'[data-finder] [data-answered="{question}"]')
        expect(row.locator("dt")).to_have_text(policy.question(question).text)
        expect(row.locator("dd")).to_contain_text(policy.question(question).answer(answer_id).text)


OUTCOME = (("device-status", "not-flagged"), ("reason", "accounts"), ("effort", "tried"))

#: (start node, what to click, node reached, what it shows)
FOCUS_STEPS = [
    pytest.param((), '[data-answer="not-flagged"]', OUTCOME[:1], '[data-question="reason"]', id="answer-first"),
    pytest.param(OUTCOME[:1], '[data-answer="accounts"]', OUTCOME[:2], '[data-question="effort"]', id="answer-next"),
    pytest.param(OUTCOME[:2], '[data-answer="tried"]', OUTCOME, "[data-outcome]", id="answer-to-outcome"),
    pytest.param(OUTCOME, '[data-change="reason"]', OUTCOME[:1], '[data-question="reason"]', id="change"),
    pytest.param(OUTCOME, "[data-restart]", (), '[data-question="device-status"]', id="start-again"),
]


@pytest.mark.parametrize(("start", "link", "path", "shows"), FOCUS_STEPS)
def test_focus_moves_to_the_new_heading_and_is_announced(page, site_url, start, link, path, shows):
    page.goto(node_url(site_url, start))
    status = page.locator("[data-finder-status]")
    expect(status).to_have_attribute("role", "status")
    assert page.locator("[data-finder] [data-finder-status]").count() == 0, "the live region is swapped out"
    mark(page)

    page.locator(f"[data-finder] a{link}").click()
    expect_node(page, site_url, path, shows)
    heading = page.locator("[data-finder] #finder-heading")
    assert page.evaluate("document.activeElement && document.activeElement.id") == "finder-heading"
    expect(status).to_contain_text(heading.inner_text())
    assert_not_reloaded(page)


#: (question to change, the questions still in the summary once there)
CHANGES = [
    pytest.param("device-status", [], id="device-status"),
    pytest.param("reason", ["device-status"], id="reason"),
    pytest.param("effort", ["device-status", "reason"], id="effort"),
]


@JS
@pytest.mark.parametrize(("question", "kept"), CHANGES)
def test_change_link_goes_back_to_its_question(request, site_url, policy, js, question, kept):
    page = open_page(request, js)
    page.goto(node_url(site_url, OUTCOME))
    page.locator(f'[data-finder] a[data-change="{question}"]').click()
    expect_node(page, site_url, OUTCOME[: len(kept)], f'[data-question="{question}"]')
    assert answered(page) == kept
    for kept_question, answer_id in OUTCOME[: len(kept)]:
        expect(page.locator(f'[data-answered="{kept_question}"] dd')).to_contain_text(
            policy.question(kept_question).answer(answer_id).text
        )


@pytest.mark.parametrize("question", [question for question, _ in OUTCOME])
def test_change_link_names_its_question(page_nojs, site_url, policy, question):
    """Screen-reader users hear which answer a "Change" link changes, in one sentence a translator can order."""
    page_nojs.goto(node_url(site_url, OUTCOME))
    wording = policy.question(question).text
    link = page_nojs.locator(f'[data-finder] a[data-change="{question}"]')
    expect(link).to_have_text("Change" + f"Change your answer to: {wording}")  # shown, then heard
    # The accessible name, as the browser computes it: the one sentence, which holds the word shown.
    expect(link).to_have_accessible_name(f"Change your answer to: {wording}")


@pytest.mark.parametrize(
    ("start", "clicks"),
    [
        pytest.param(ARTICLE, [], id="article"),
        pytest.param(FINDER, [], id="finder"),
        pytest.param(FINDER, OUTCOME, id="finder-answered"),
    ],
)
def test_no_request_leaves_localhost(page, page_log, site_url, start, clicks):
    page.goto(site_url + start)
    for index, (question, answer_id) in enumerate(clicks):
        answer(page, question, answer_id)
        expect_node(page, site_url, clicks[: index + 1], next_selector(clicks, index))
    page.wait_for_load_state("networkidle")
    assert any(url.endswith(".css") for url in page_log.requests), "no request was recorded"
    page_log.assert_clean()


RESOLVED_LINKS = """root => Array.from(document.querySelectorAll('a[href], link[rel~="icon"]'))
    .filter(element => root === null
        ? !element.closest('[data-finder]') && !element.matches('a.md-select__link[data-locale]')
            && !element.getAttribute('href').startsWith('#')
        : root.contains(element))
    .map(element => element.href)"""


def links_outside_finder(page: Page) -> list[str]:
    """Where the links and icon around the finder point, resolved by the browser.

    The language menu is left out: it follows the node on show (test_locales.py);
    so are links within the page (#…, the skip link), which follow any address.
    """
    return page.evaluate(f"({RESOLVED_LINKS})(null)")


def links_inside_finder(page: Page) -> list[str]:
    return page.evaluate(f"({RESOLVED_LINKS})(document.querySelector('[data-finder]'))")


@pytest.mark.parametrize(
    ("start", "clicks", "then"),
    [
        pytest.param((), OUTCOME, None, id="deeper"),
        pytest.param(OUTCOME, (), '[data-change="device-status"]', id="shallower"),
        pytest.param(OUTCOME[:1], OUTCOME[1:], "back", id="back"),
    ],
)
def test_links_keep_their_targets_when_answering_in_place(page, site_url, start, clicks, then):
    """The address changes under the page: no link may change its target with it."""
    page.goto(node_url(site_url, start))
    around = links_outside_finder(page)
    assert any(url.endswith(ARTICLE) for url in around), "the navigation links to the article"
    mark(page)
    path = start
    for question, answer_id in clicks:
        answer(page, question, answer_id)
        path = (*path, (question, answer_id))
        expect(page).to_have_url(node_url(site_url, path))
        expect_shown(page, node_url(site_url, path))
    if then == "back":
        page.go_back()
        path = path[:-1]
    elif then:
        page.locator(f"[data-finder] a{then}").click()
        path = ()
    expect(page).to_have_url(node_url(site_url, path))
    expect_shown(page, node_url(site_url, path))  # the address changes before the node is swapped in
    expect(page.locator("[data-finder] #finder-heading")).to_be_focused()
    assert_not_reloaded(page)

    assert links_outside_finder(page) == around
    inside = links_inside_finder(page)
    page.reload()
    assert links_inside_finder(page) == inside, "the finder's links differ from those of the static page"


def test_head_follows_the_node_shown_in_place(page, site_url, policy):
    page.goto(site_url + FINDER)
    mark(page)
    answer(page, "device-status", "rooted")
    expect(page.locator("[data-outcome]")).to_have_attribute("data-outcome", "prepaid-label")
    assert_not_reloaded(page)
    canonical = page.locator("link[rel='canonical']").get_attribute("href")
    assert canonical.endswith("/en-us/finder/rooted/")
    description = page.locator("meta[name='description']").get_attribute("content")
    assert description == " ".join(policy.outcome("prepaid-label").summary.split()).replace(
        "{label_return_delay}", "2 business days"
    )


def test_the_finder_says_which_node_it_shows_once_a_swap_is_done(page, site_url):
    """What the tests wait for (``expect_shown``) must really be set: first on load, then after each swap."""
    page.goto(site_url + FINDER)
    html = page.locator("html")
    expect(html).to_have_attribute("data-finder-shown", site_url + FINDER)
    mark(page)

    answer(page, "device-status", "not-flagged")

    expect(html).to_have_attribute("data-finder-shown", node_url(site_url, (("device-status", "not-flagged"),)))
    expect(page.locator('[data-finder] [data-question="reason"]')).to_be_visible()
    expect(page.locator("[data-finder] #finder-heading")).to_be_focused()
    assert_not_reloaded(page)
