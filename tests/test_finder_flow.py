"""The finder's flow, node by node: which question it asks after some answers, where full answers end, and why
it cannot go on when the scenarios leave it stuck.

Built straight from small policies (the toy policy and variants of it); every expected node is read off the
scenarios by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.model import Policy
from generator.logic.flow import Flow, FlowError, OutcomeNode, QuestionNode
from generator.logic.space import AnswerSpace

TOY_POLICY = Path(__file__).resolve().parent / "fixtures" / "toy" / "policy.yaml"
SMALL, LARGE = ("size", "small"), ("size", "large")
KIND = {"id": "kind", "text": "Kind?", "answers": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}


def toy(**changes: Any) -> dict[str, Any]:
    return {**yaml.safe_load(TOY_POLICY.read_text(encoding="utf-8")), **changes}


def flow_of(data: dict[str, Any]) -> Flow:
    policy = Policy.from_data(data)
    space = AnswerSpace.of(policy)
    return Flow(policy, space, [space.box(scenario.when) for scenario in policy.scenarios])


@pytest.mark.parametrize(
    ("path", "asks"),
    [
        pytest.param((), "size", id="start"),
        pytest.param((SMALL,), "damage", id="after-the-size"),
        pytest.param((LARGE,), "damage", id="after-the-other-size"),
    ],
)
def test_the_next_node_asks_the_question_still_open(path, asks):
    node = flow_of(toy()).next_node(path)

    assert isinstance(node, QuestionNode)
    assert (node.path, node.question.id) == (path, asks)


@pytest.mark.parametrize(
    ("path", "scenario", "outcome"),
    [
        pytest.param((SMALL, ("damage", "minor")), "small-fine", "refund", id="small-minor"),
        pytest.param((SMALL, ("damage", "major")), "small-broken", "repair", id="small-major"),
        pytest.param((LARGE, ("damage", "none")), "large-fine", "refund", id="large-none"),
        pytest.param((LARGE, ("damage", "major")), "large-damaged", "repair", id="large-major"),
    ],
)
def test_full_answers_end_at_their_scenarios_outcome(path, scenario, outcome):
    flow = flow_of(toy())

    assert flow.next_node(path) == OutcomeNode(path, scenario, outcome)
    assert flow.follow(dict(path)) == OutcomeNode(path, scenario, outcome)


def test_a_question_that_must_follow_one_never_asked_stops_the_flow_on_its_path():
    # After kind=b only the damage decides, but it must follow the size, which decides nothing.
    data = toy(
        questions=[KIND, *toy()["questions"]],
        scenarios=[
            {"id": "s1", "when": {"kind": ["a"]}, "outcome": "refund", "situation": "."},
            {"id": "s2", "when": {"kind": ["b"], "damage": ["none"]}, "outcome": "refund", "situation": "."},
            {"id": "s3", "when": {"kind": ["b"], "damage": ["minor", "major"]}, "outcome": "repair", "situation": "."},
        ],
    )
    flow = flow_of(data)

    assert flow.next_node((("kind", "a"),)) == OutcomeNode((("kind", "a"),), "s1", "refund")
    with pytest.raises(FlowError) as raised:
        flow.next_node((("kind", "b"),))

    assert str(raised.value) == "question 'damage' must follow 'size', which is not asked on this path"
    assert raised.value.path == (("kind", "b"),)
    assert raised.value.question.id == "damage"


def test_scenarios_no_question_separates_stop_the_flow():
    data = toy(
        scenarios=[
            {"id": "first", "when": {"size": ["small"]}, "outcome": "refund", "situation": "."},
            {"id": "second", "when": {"size": ["small"]}, "outcome": "repair", "situation": "."},
            {"id": "large", "when": {"size": ["large"]}, "outcome": "repair", "situation": "."},
        ]
    )

    with pytest.raises(FlowError) as raised:
        flow_of(data).next_node((SMALL,))

    assert str(raised.value) == "no question separates scenarios first, second"
    assert (raised.value.path, raised.value.question) == ((SMALL,), None)
