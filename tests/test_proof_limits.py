"""The proof's limits: a finder too big to build, and more gaps or overlaps than an editor can read at once."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.diagnostics import Position
from generator.content.model import Policy
from generator.logic import verify
from generator.logic.verify import prove

TOY_POLICY = Path(__file__).resolve().parent / "fixtures" / "toy" / "policy.yaml"


def toy() -> dict[str, Any]:
    return yaml.safe_load(TOY_POLICY.read_text(encoding="utf-8"))


def badly_ordered() -> dict[str, Any]:
    """A sound policy whose first question decides little: 'kind' settles three scenarios of four alone.

    Asked in YAML order (size, then kind) the finder has 1 + 2 × (1 + 3) = 9
    pages; with 'kind' first, 1 + 2 + (1 + 2) = 6.
    """
    data = toy()
    data["questions"] = [
        {"id": "size", "text": "Size?", "answers": [{"id": "small", "text": "S"}, {"id": "large", "text": "L"}]},
        {
            "id": "kind",
            "text": "Kind?",
            "answers": [{"id": "phone", "text": "P"}, {"id": "tablet", "text": "T"}, {"id": "laptop", "text": "L"}],
        },
    ]
    data["scenarios"] = [
        {"id": "phone", "when": {"kind": ["phone"]}, "outcome": "refund", "situation": "A phone."},
        {"id": "tablet", "when": {"kind": ["tablet"]}, "outcome": "repair", "situation": "A tablet."},
        {"id": "small-laptop", "when": {"kind": ["laptop"], "size": ["small"]}, "outcome": "refund", "situation": "."},
        {"id": "large-laptop", "when": {"kind": ["laptop"], "size": ["large"]}, "outcome": "repair", "situation": "."},
    ]
    return data


def test_the_finder_of_a_badly_ordered_policy_has_the_pages_counted():
    proof = prove(Policy.from_data(badly_ordered()))

    assert proof.holds
    assert len(proof.nodes) == 9


@pytest.mark.parametrize(
    ("limit", "advice"),
    [
        pytest.param(8, "in that order, it would have 6 pages", id="reordering-helps"),
        pytest.param(5, "or split the policy into smaller ones", id="reordering-is-not-enough"),
    ],
)
def test_a_finder_over_the_limit_is_refused_with_the_order_that_helps(limit, advice):
    proof = prove(Policy.from_data(badly_ordered()), max_pages=limit)

    assert not proof.holds
    assert proof.nodes == []
    (problem,) = proof.diagnostics
    assert problem.message == (
        f"the finder would have more than {limit:,} pages in each language, too many to build; ask first the "
        f"questions that decide the most (in questions:, 'kind' (4 scenarios), 'size' (2 scenarios)){', ' if limit == 5 else ': '}"
        f"{advice}"
    )


def pages_of(direct: int) -> dict[str, Any]:
    """A sound policy whose finder has 1 + ``direct`` + 99 × (1 + 99) pages, counted by hand.

    'first' has ``direct`` answers that each settle a scenario at once (one
    page each), and 99 answers after which 'second' (99 answers) is asked:
    for each of them the question's page and its 99 outcome pages.
    """
    data = toy()
    first = [f"d{n}" for n in range(direct)] + [f"a{n}" for n in range(99)]
    second = [f"b{n}" for n in range(99)]
    data["questions"] = [
        {"id": "first", "text": "First?", "answers": [{"id": a, "text": a} for a in first]},
        {"id": "second", "text": "Second?", "answers": [{"id": b, "text": b} for b in second]},
    ]
    data["scenarios"] = [
        *({"id": f"s-{a}", "when": {"first": [a]}, "outcome": "refund", "situation": "."} for a in first[:direct]),
        *(
            {"id": f"s-{b}", "when": {"first": first[direct:], "second": [b]}, "outcome": "repair", "situation": "."}
            for b in second
        ),
    ]
    return data


@pytest.mark.parametrize(
    ("direct", "holds"),
    [pytest.param(99, True, id="10000-pages-built"), pytest.param(100, False, id="10001-pages-refused")],
)
def test_the_stated_limit_of_10000_pages_is_the_one_applied(direct, holds):
    proof = prove(Policy.from_data(pages_of(direct)))  # the default limit

    assert proof.holds == holds, proof.diagnostics
    if holds:
        assert len(proof.nodes) == 10_000
    else:
        assert proof.diagnostics[0].message.startswith("the finder would have more than 10,000 pages in each language")


def test_a_finder_at_the_limit_is_built():
    assert prove(Policy.from_data(badly_ordered()), max_pages=9).holds


def _without(data: dict[str, Any], *scenarios: str) -> dict[str, Any]:
    data = copy.deepcopy(data)
    data["scenarios"] = [scenario for scenario in data["scenarios"] if scenario["id"] not in scenarios]
    return data


def test_gaps_past_the_reported_number_are_counted(monkeypatch):
    monkeypatch.setattr(verify, "MAX_REPORTED", 1)
    # Without 'phone' and 'large-laptop', two gaps that do not merge: kind=phone (any size), size=large, kind=laptop.
    proof = prove(Policy.from_data(_without(badly_ordered(), "phone", "large-laptop")))

    assert [problem.message for problem in proof.diagnostics] == [
        "no scenario covers kind=phone (any size): 2 answer combinations. "
        "To cover them, add a scenario with when: {kind: [phone]}",
        "and 1 more gap of this kind (1 answer combination); fix the ones above, then run the check again",
    ]


def two_catch_alls() -> dict[str, Any]:
    """'phone' and 'tablet' now cover everything: five overlapping pairs, that no edit of one list settles.

    Each overlaps the other and both laptops; no answer list of one scenario
    can be written so that it overlaps nothing, so each pair is told.
    """
    data = badly_ordered()
    data["scenarios"][0]["when"] = {}
    data["scenarios"][1]["when"] = {}
    return data


def test_overlaps_past_the_reported_number_are_counted(monkeypatch):
    monkeypatch.setattr(verify, "MAX_REPORTED", 1)
    data = two_catch_alls()

    messages = [problem.message for problem in prove(Policy.from_data(data)).diagnostics]

    assert len(messages) == 2
    assert messages[0].startswith("scenarios 'phone' (outcome 'refund') and 'tablet' (outcome 'repair') both cover ")
    assert messages[1] == "and 4 more pairs of overlapping scenarios; fix the ones above first"


def test_a_long_follows_chain_is_checked_without_overflowing_the_stack():
    data = toy()
    answers = [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]
    data["questions"] = [
        {"id": f"q{n}", "text": "?", "answers": answers, **({"follows": [f"q{n - 1}"]} if n else {})}
        for n in range(3000)
    ]
    data["questions"][0]["follows"] = ["q2999"]  # and one cycle through all of them
    data["scenarios"] = [{"id": "any", "when": {}, "outcome": "refund", "situation": "Any."}]

    messages = [problem.message for problem in prove(Policy.from_data(data)).diagnostics]

    cycles = [message for message in messages if "in a cycle" in message]
    assert len(cycles) == 1
    assert cycles[0].startswith("questions follow each other in a cycle: q0 → q2999 → q2998 → ")
    assert cycles[0].endswith(
        " → q1 → q0, so none can be asked first. Take 'q0' out of the follows: of 'q1' (or break another link of the chain)"
    )


def test_overlapping_pairs_past_the_limit_are_not_all_worked_out(monkeypatch):
    monkeypatch.setattr(verify, "MAX_REPORTED", 1)
    monkeypatch.setattr(verify, "MAX_PAIRS", 2)
    data = two_catch_alls()  # five pairs, two worked out

    proof = prove(Policy.from_data(data))

    assert len(proof.overlaps) == 2
    assert proof.diagnostics[-1].message == "and over 1 more pairs of overlapping scenarios; fix the ones above first"


def test_the_order_advised_keeps_the_follows_order():
    data = badly_ordered()
    data["questions"][1]["follows"] = ["size"]  # 'kind' must now come after 'size': no better order exists

    (problem,) = prove(Policy.from_data(data), max_pages=8).diagnostics

    assert problem.message.endswith(
        "; the questions already come in the order that decides the most; split the policy into smaller ones"
    )


def questions_backwards(count: int) -> dict[str, Any]:
    """Yes/no questions q1…q<count>, each deciding more scenarios than the one before it.

    The last question settles one scenario on "y" and passes the rest to the one before it, and so on; the
    scenario with every answer "n" ends. With four questions q4 decides 5 scenarios and q1 only 2: in YAML order
    the finder has 31 pages (every question on every path: 1 + 2 × (1 + 2 × (1 + 2 × 3))), asked q4 first 9.
    With three, 15 pages, and 7 asked q3 first.
    """
    data = toy()
    answers = [{"id": "y", "text": "Yes"}, {"id": "n", "text": "No"}]
    data["questions"] = [{"id": f"q{n}", "text": f"Q{n}?", "answers": answers} for n in range(1, count + 1)]
    data["scenarios"] = [
        {
            "id": f"s{count - k + 1}",
            "when": {**{f"q{later}": ["n"] for later in range(count, k, -1)}, f"q{k}": ["y"]},
            "outcome": "refund",
            "situation": ".",
        }
        for k in range(count, 0, -1)
    ]
    data["scenarios"].append(
        {"id": "all-no", "when": {f"q{n}": ["n"] for n in range(1, count + 1)}, "outcome": "repair", "situation": "."}
    )
    return data


@pytest.mark.parametrize(("count", "limit", "holds"), [(4, 31, True), (4, 30, False), (3, 15, True), (3, 14, False)])
def test_the_pages_of_a_finder_are_counted_on_every_path(count, limit, holds):
    assert prove(Policy.from_data(questions_backwards(count)), max_pages=limit).holds is holds


@pytest.mark.parametrize(
    ("count", "advice"),
    [
        pytest.param(
            4,
            "'q4' (5 scenarios), 'q3' (4 scenarios), 'q2' (3 scenarios) …): in that order, it would have 9 pages",
            id="four-the-first-three-named",
        ),
        pytest.param(
            3,
            "'q3' (4 scenarios), 'q2' (3 scenarios), 'q1' (2 scenarios)): in that order, it would have 7 pages",
            id="three-all-named",
        ),
    ],
)
def test_the_advised_order_names_three_questions_at_most_and_is_said_at_the_first_question(count, advice):
    lines: dict[Any, int] = {}
    policy = Policy.from_data(
        questions_backwards(count), lambda path: Position("policy.yaml", lines.setdefault(path, len(lines) + 1), 1)
    )

    (problem,) = prove(policy, max_pages=10).diagnostics

    assert problem.message == (
        "the finder would have more than 10 pages in each language, too many to build; ask first the questions that "
        f"decide the most (in questions:, {advice}"
    )
    assert problem.position == Position("policy.yaml", lines[("questions", 0)], 1)
