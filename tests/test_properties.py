"""Properties of the proof, the decision table and the finder's flow, checked with Hypothesis.

* On the real policy, any full set of answers falls in exactly one scenario,
  and the finder, answering from the same set, reaches that scenario.
* On random toy policies, :func:`generator.verify.prove` never raises, reports
  a gap or an overlap exactly when a brute-force count finds one, points every
  problem at a real line, and when it finds nothing, the table and the finder
  agree on every combination.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from generator import flow
from generator.content import load_content
from generator.diagnostics import Position
from generator.load import KeyPath, parse_document
from generator.model import Policy
from generator.schema import validate_against_schema
from generator.table import build_table, decide
from generator.verify import prove

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"

#: Fixed seed, no example database: the same examples on every run and machine.
PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@cache
def real_policy() -> Policy:
    return load_content(CONTENT_DIR).policy


@PROPERTY_SETTINGS
@given(data=st.data())
def test_real_policy_every_combination_has_one_scenario_and_the_finder_agrees(data):
    policy = real_policy()
    answers = {q.id: data.draw(st.sampled_from(q.answer_ids), label=q.id) for q in policy.questions}

    scenarios = decide(policy, answers)

    assert len(scenarios) == 1, f"{answers} falls in {scenarios}"
    reached = flow.follow(policy, build_table(policy), answers)
    assert reached.scenario == scenarios[0]
    assert reached.outcome == policy.scenario(scenarios[0]).outcome


# Random toy policies.


def _when_tree(draw: st.DrawFn, questions: list[dict[str, Any]], when: dict[str, list[str]]) -> list[dict]:
    """Split the answers of a random question into groups, recursively: boxes that tile the space."""
    if not questions or draw(st.integers(0, 3)) == 0:
        return [when]
    question = draw(st.sampled_from(questions))
    answers = [answer["id"] for answer in question["answers"]]
    labels = draw(st.lists(st.integers(0, len(answers) - 1), min_size=len(answers), max_size=len(answers)))
    if len(set(labels)) == 1:  # a real split: at least two groups
        labels[-1] = labels[0] + 1
    groups: dict[int, list[str]] = {}
    for answer, label in zip(answers, labels, strict=True):
        groups.setdefault(label, []).append(answer)
    rest = [other for other in questions if other is not question]
    return [box for group in groups.values() for box in _when_tree(draw, rest, {**when, question["id"]: group})]


def _random_when(draw: st.DrawFn, questions: list[dict[str, Any]]) -> dict[str, list[str]]:
    """A random box: per question, nothing (any answer) or some of its answers."""
    when = {}
    for question in questions:
        if draw(st.booleans()):
            answers = [answer["id"] for answer in question["answers"]]
            when[question["id"]] = draw(st.lists(st.sampled_from(answers), min_size=1, unique=True))
    return when


@st.composite
def toy_policies(draw: st.DrawFn) -> dict[str, Any]:
    """Plain data for a schema-valid policy whose references resolve, but whose logic may be wrong."""
    questions = [
        {
            "id": f"q{index}",
            "text": f"Question {index}?",
            "answers": [{"id": f"a{answer}", "text": f"Answer {answer}"} for answer in range(draw(st.integers(2, 3)))],
        }
        for index in range(draw(st.integers(1, 4)))
    ]
    question_ids = [question["id"] for question in questions]
    for question in questions:
        if draw(st.integers(0, 3)) == 0:  # now and then an order, which may loop or block the finder
            others = [other for other in question_ids if other != question["id"]] or question_ids
            question["follows"] = draw(st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True))
    if draw(st.booleans()):
        boxes = _when_tree(draw, questions, {})  # no gap, no overlap
    else:
        boxes = [_random_when(draw, questions) for _ in range(draw(st.integers(1, 5)))]
    outcome_ids = [f"o{index}" for index in range(draw(st.integers(1, min(3, len(boxes)))))]
    # The first scenarios lead to each outcome in turn, so that an unused outcome is rare.
    outcomes = [*outcome_ids, *(draw(st.sampled_from(outcome_ids)) for _ in boxes[len(outcome_ids) :])]
    if draw(st.integers(0, 5)) == 0:  # but not never
        outcome_ids.append("o-unused")
    scenarios = [
        {"id": f"s{index}", "when": when, "outcome": outcome, "situation": f"Case {index}."}
        for index, (when, outcome) in enumerate(zip(boxes, outcomes, strict=True))
    ]
    link = "https://example.com/"
    return {
        "marketplace": "Toy Market",
        "markets": {
            "us": {
                "mass_unit": "pound",
                "carrier": "UPS",
                "links": {"shipment_page": link, "contact_form": link, "messages": link},
            }
        },
        "mass_rounding": {"pound": 0.05, "kilogram": 0.05},
        "delays": {
            "free_return": {"count": 2, "unit": "business-day"},
            "label_return": {"count": 2, "unit": "business-day"},
        },
        "device_weights": [{"id": "phone", "label": "Phone", "average": {"value": 0.5, "unit": "pound"}}],
        "questions": questions,
        "scenarios": scenarios,
        "outcomes": [
            {"id": outcome, "title": f"Outcome {outcome}", "summary": "What happens.", "body": ["Details."]}
            for outcome in outcome_ids
        ],
        "label_steps": [{"id": "buy-label", "title": "Buy a label"}],
        "article": {
            "id": "toy-article",
            "title": "Toy",
            "description": "A toy.",
            "intro": "Read on.",
            "escalation": "Ask us.",
        },
        "finder": {"title": "Finder", "description": "Answer.", "intro": "Answer."},
    }


def _brute_force_rows(data: dict[str, Any]) -> dict[tuple[str, ...], list[str]]:
    """The scenarios of every combination, computed from the plain data without the generator."""
    questions = data["questions"]
    rows = {}
    for combination in itertools.product(*([a["id"] for a in q["answers"]] for q in questions)):
        answers = {q["id"]: answer for q, answer in zip(questions, combination, strict=True)}
        rows[combination] = [
            scenario["id"]
            for scenario in data["scenarios"]
            if all(answers[question] in allowed for question, allowed in scenario["when"].items())
        ]
    return rows


_GAP = re.compile(r"no scenario covers \d+ answer combinations?, e\.g\. (?P<answers>[^(]+?)(?: \(and \d+ more\))?$")
_OVERLAP = re.compile(r"scenarios '(?P<first>[^']+)' and '(?P<second>[^']+)' overlap, e\.g\. (?P<answers>.+)$")


def _parse_answers(text: str) -> dict[str, str]:
    return dict(pair.split("=") for pair in text.split(", "))


def _check_witnesses(data: dict[str, Any], rows: dict[tuple[str, ...], list[str]], messages: list[str]) -> None:
    """The combination a gap or an overlap shows really is one."""
    whens = {scenario["id"]: scenario["when"] for scenario in data["scenarios"]}
    for message in messages:
        if message.startswith("no scenario covers"):
            gap = _GAP.match(message)
            assert gap, message
            answers = _parse_answers(gap["answers"])
            assert rows[tuple(answers[q["id"]] for q in data["questions"])] == [], message
        elif " overlap, e.g. " in message:
            overlap = _OVERLAP.match(message)
            assert overlap, message
            answers = _parse_answers(overlap["answers"])
            for scenario in (overlap["first"], overlap["second"]):
                for question, allowed in whens[scenario].items():
                    assert answers[question] in allowed, message


def _policy(data: dict[str, Any]) -> Policy:
    """Build the policy with every part at its own line, as if read from a file."""
    lines: dict[KeyPath, int] = {}
    return Policy.from_data(data, lambda path: Position("policy.yaml", lines.setdefault(path, len(lines) + 1), 1))


@PROPERTY_SETTINGS
@given(data=toy_policies())
def test_prove_on_random_policies(data):
    policy = _policy(data)

    proof = prove(policy)

    rows = _brute_force_rows(data)
    assert {combination: list(scenarios) for combination, scenarios in proof.table.rows.items()} == rows
    messages = [diagnostic.message for diagnostic in proof.diagnostics]
    has_gap = any(not scenarios for scenarios in rows.values())
    has_overlap = any(len(scenarios) > 1 for scenarios in rows.values())
    assert any(message.startswith("no scenario covers") for message in messages) == has_gap
    assert any(" overlap, e.g. " in message for message in messages) == has_overlap
    _check_witnesses(data, rows, messages)
    assert all(diagnostic.position.line > 0 for diagnostic in proof.diagnostics), messages
    if not proof.holds:
        return
    assert proof.nodes
    for combination, scenarios in proof.table.rows.items():
        assert len(scenarios) == 1
        answers = proof.table.as_answers(combination)
        assert decide(policy, answers) == scenarios
        reached = flow.follow(policy, proof.table, answers)
        assert reached.scenario == scenarios[0]
        assert reached.outcome == policy.scenario(scenarios[0]).outcome


def test_random_policies_are_schema_valid_and_both_sound_and_unsound():
    """Keep the strategy honest: valid data, and the property above sees policies that hold and that do not."""
    schema = CONTENT_DIR / "policy.schema.json"

    def check(data: dict[str, Any], *, holds: bool) -> bool:
        document, problems = parse_document(yaml.safe_dump(data, sort_keys=False), "policy.yaml")
        assert problems == []
        assert validate_against_schema(document, schema) == []
        return prove(_policy(data)).holds == holds

    quick = settings(PROPERTY_SETTINGS, phases=[Phase.generate])
    find(toy_policies(), lambda data: check(data, holds=True), settings=quick)
    find(toy_policies(), lambda data: check(data, holds=False), settings=quick)
