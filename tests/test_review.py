"""The review page: every scenario, question, answer and outcome, in each locale's words, kept from customers.

Expected counts are worked out by hand from content/policy.yaml (6 device
statuses × 5 reasons × 2 efforts = 60 combinations); the locale's words are
read from its catalog, not from the code under test.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from generator.content.locales import SiteLocale
from generator.helpcenter.folder import load_content
from generator.logic import flow
from generator.rendering.pages import build_pages
from generator.rendering.review import MAX_DRAWN, Step, diagram, flow_tree
from support import diagram_boxes, html_text, locale_words

ROOT = Path(__file__).resolve().parent.parent
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
    return pages[content.policy.review_dir]


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
    for folder in ["review", "review/trade-in"]:  # the list of the policies' reviews, and each one
        html = (built_site / "en-us" / folder / "index.html").read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html, folder
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


# The shape of the flow: every step hangs on the answer that leads to it.

TOY_POLICY = Path(__file__).resolve().parent / "fixtures" / "toy" / "policy.yaml"
REFUND, REPAIR = "We refund you", "Send the device to repair"
#: The toy's finder, written by hand from its four scenarios: a question is (its words, its branches), each branch
#: (an answer's words, where it leads), and an end (the outcome's title, the scenario's id).
TOY_FLOW = (
    "How big is the parcel?",
    (
        (
            "Small",
            (
                "Is the device damaged?",
                (
                    ("Not at all", (REFUND, "small-fine")),
                    ("A little", (REFUND, "small-fine")),
                    ("Badly", (REPAIR, "small-broken")),
                ),
            ),
        ),
        (
            "Large",
            (
                "Is the device damaged?",
                (
                    ("Not at all", (REFUND, "large-fine")),
                    ("A little", (REPAIR, "large-damaged")),
                    ("Badly", (REPAIR, "large-damaged")),
                ),
            ),
        ),
    ),
)


@pytest.fixture(scope="module")
def toy_content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("toy")
    for name in ("policy.schema.json", "help-center.schema.json", "interface.schema.json", "interface.yaml"):
        shutil.copyfile(ROOT / "content" / name, folder / name)
    shutil.copyfile(TOY_POLICY.with_name("help-center.yaml"), folder / "help-center.yaml")
    shutil.copyfile(TOY_POLICY, folder / "policy.yaml")
    return load_content(folder)


def words(text: str) -> str:
    return " ".join(text.split())


def tree_of_steps(step: Step) -> tuple:
    """The tree :func:`flow_tree` built, in the English words of the shape above."""
    if step.question is None:
        return (step.outcome.title, step.scenario.id)
    return (words(step.question.text), tuple((words(a.text), tree_of_steps(child)) for a, child in step.branches))


def tree_of_nodes(policy, nodes) -> tuple:
    """The same shape, built from the flow's nodes alone: a node's parent is the node one answer shorter."""
    by_path = {node.path: node for node in nodes}

    def at(path):
        node = by_path[path]
        if isinstance(node, flow.OutcomeNode):
            return (policy.outcome(node.outcome).title, node.scenario)
        question = node.question
        return (
            words(question.text),
            tuple((words(a.text), at((*path, (question.id, a.id)))) for a in question.answers),
        )

    assert len(by_path) == len(nodes)
    return at(())


def tree_of_list(html: str) -> tuple:
    """The shape of the page's text tree: nested lists of answers under each question."""
    start = html.index('<div class="review-flow">')
    root = ElementTree.fromstring(html[start : html.index("</div>", start) + len("</div>")])

    def step(children: list) -> tuple:
        first = children[0]
        if first.get("class") == "review-flow__outcome":
            (link,) = first.findall("a")
            (code,) = first.findall("code")
            return (words(link.text), code.text)
        assert first.get("class") == "review-flow__question"
        (branches,) = [child for child in children if child.tag == "ul"]
        found = []
        for item in branches:
            answer, *rest = list(item)
            assert answer.get("class") == "review-flow__answer"
            found.append((words(answer.text), step(rest)))
        return (words(first.text), tuple(found))

    return step(list(root))


def tree_of_diagram(html: str) -> tuple:
    """The shape the diagram draws: which box each line leaves (right edge) and reaches (left edge)."""
    svg = ElementTree.fromstring(re.search(r"<svg .*?</svg>", html, re.S).group())
    ns = "{http://www.w3.org/2000/svg}"
    boxes = []
    for group in svg.iter(f"{ns}g"):
        rect = group.find(f"{ns}rect")
        x, y, width, height = (float(rect.get(key)) for key in ("x", "y", "width", "height"))
        text = " ".join(line.text for line in group.iter(f"{ns}text"))
        boxes.append((group.get("class").removeprefix("review-diagram__"), text, x, x + width, y + height / 2))
    children: dict[int, list[int]] = {index: [] for index in range(len(boxes))}
    reached = set()
    for line in svg.iter(f"{ns}line"):
        x1, y1, x2, y2 = (float(line.get(key)) for key in ("x1", "y1", "x2", "y2"))
        (parent,) = [i for i, (_, _, _, right, middle) in enumerate(boxes) if (right, middle) == (x1, y1)]
        (child,) = [i for i, (_, _, left, _, middle) in enumerate(boxes) if (left, middle) == (x2, y2)]
        children[parent].append(child)
        reached.add(child)
    (root,) = set(children) - reached

    def step(index: int) -> tuple:
        kind, text, *_ = boxes[index]
        if kind == "outcome":
            assert children[index] == []
            return (text,)
        assert kind == "question"
        found = []
        for answer in sorted(children[index], key=lambda i: boxes[i][4]):  # top to bottom
            assert boxes[answer][0] == "answer"
            (below,) = children[answer]
            found.append((boxes[answer][1], step(below)))
        return (text, tuple(found))

    return step(root)


def without_scenarios(tree: tuple) -> tuple:
    """The diagram shows an end by its outcome only."""
    if isinstance(tree[1], str):
        return (tree[0],)
    return (tree[0], tuple((answer, without_scenarios(child)) for answer, child in tree[1]))


def test_the_flow_tree_hangs_each_step_on_the_answer_before_it(toy_content):
    assert tree_of_steps(flow_tree(toy_content.policy, toy_content.proof.nodes)) == TOY_FLOW


def test_the_review_page_lists_and_draws_the_toy_flow_as_written_by_hand(toy_content):
    html = review_page(toy_content, "en-US", "us").html

    assert tree_of_list(html) == TOY_FLOW
    assert tree_of_diagram(html) == without_scenarios(TOY_FLOW)


def test_the_real_flow_tree_list_and_diagram_have_the_shape_of_the_finders_nodes(content):
    expected = tree_of_nodes(content.policy, content.proof.nodes)
    html = review_page(content, "en-US", "us").html

    assert tree_of_steps(flow_tree(content.policy, content.proof.nodes)) == expected
    assert tree_of_list(html) == expected
    assert tree_of_diagram(html) == without_scenarios(expected)
