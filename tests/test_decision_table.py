"""The brute-force decision table, the reference the proof is measured against, on a policy small enough to read.

Two questions, size (small, large) and kind (phone, tablet, laptop): six combinations. The scenarios are
written so that the table has every kind of row: one scenario, two (an overlap), none (a gap). Every expected
row below is worked out by hand from the scenarios' ``when``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.content.model import Policy
from generator.logic.table import build_table, decide

TOY_POLICY = Path(__file__).resolve().parent / "fixtures" / "toy" / "policy.yaml"

QUESTIONS = [
    {"id": "size", "text": "Size?", "answers": [{"id": "small", "text": "S"}, {"id": "large", "text": "L"}]},
    {
        "id": "kind",
        "text": "Kind?",
        "answers": [{"id": "phone", "text": "P"}, {"id": "tablet", "text": "T"}, {"id": "laptop", "text": "L"}],
    },
]
SCENARIOS = [
    {"id": "phone", "when": {"kind": ["phone"]}, "outcome": "refund", "situation": "A phone."},
    {"id": "small", "when": {"size": ["small"], "kind": ["phone", "tablet"]}, "outcome": "repair", "situation": "."},
    {"id": "large-laptop", "when": {"size": ["large"], "kind": ["laptop"]}, "outcome": "repair", "situation": "."},
]
#: Every combination, in question order then YAML answer order, with the scenarios it falls in, in YAML order.
ROWS = {
    ("small", "phone"): ("phone", "small"),
    ("small", "tablet"): ("small",),
    ("small", "laptop"): (),
    ("large", "phone"): ("phone",),
    ("large", "tablet"): (),
    ("large", "laptop"): ("large-laptop",),
}


@pytest.fixture(scope="module")
def policy() -> Policy:
    data = yaml.safe_load(TOY_POLICY.read_text(encoding="utf-8"))
    return Policy.from_data({**data, "questions": QUESTIONS, "scenarios": SCENARIOS})


def test_the_table_has_a_row_per_combination_with_its_scenarios_in_yaml_order(policy):
    table = build_table(policy)

    assert table.questions == ("size", "kind")
    assert list(table.rows.items()) == list(ROWS.items())


@pytest.mark.parametrize(("combination", "scenarios"), list(ROWS.items()), ids=["-".join(c) for c in ROWS])
def test_decide_gives_the_scenarios_of_a_full_set_of_answers(policy, combination, scenarios):
    assert decide(policy, dict(zip(["size", "kind"], combination, strict=True))) == scenarios


@pytest.mark.parametrize(
    ("answered", "rows", "possible"),
    [
        pytest.param({}, list(ROWS), {"phone", "small", "large-laptop"}, id="nothing-answered"),
        pytest.param(
            {"size": "small"},
            [("small", "phone"), ("small", "tablet"), ("small", "laptop")],
            {"phone", "small"},
            id="size",
        ),
        pytest.param({"kind": "laptop"}, [("small", "laptop"), ("large", "laptop")], {"large-laptop"}, id="kind"),
        pytest.param({"kind": "tablet", "size": "large"}, [("large", "tablet")], set(), id="both-in-a-gap"),
        pytest.param({"size": "large", "kind": "phone"}, [("large", "phone")], {"phone"}, id="both"),
    ],
)
def test_the_rows_and_scenarios_still_possible_after_some_answers(policy, answered, rows, possible):
    table = build_table(policy)

    assert [combination for combination, _ in table.consistent(answered)] == rows
    assert [scenarios for _, scenarios in table.consistent(answered)] == [ROWS[row] for row in rows]
    assert table.possible_scenarios(answered) == possible


@pytest.mark.parametrize(
    ("combination", "answers"),
    [
        pytest.param(("large", "tablet"), {"size": "large", "kind": "tablet"}, id="full"),
        pytest.param(("small", "laptop"), {"size": "small", "kind": "laptop"}, id="other"),
    ],
)
def test_a_combination_reads_as_answers_by_question(policy, combination, answers):
    assert build_table(policy).as_answers(combination) == answers


def test_a_combination_of_the_wrong_length_is_refused(policy):
    with pytest.raises(ValueError, match="zip"):
        build_table(policy).as_answers(("large",))
