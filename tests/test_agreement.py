"""The proof's agreement check: a finder that would send a customer to a scenario that does not cover them is refused.

The flow is derived from the scenarios, so the real one always agrees; these
tests feed the check flows made wrong by hand, each in one state of the toy
policy (size: small, large; damage: none, minor, major), and expect the
problem said where it is. Through :func:`prove` too: a proof that stopped
checking would let them through.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.content.model import Policy
from generator.logic import verify
from generator.logic.cover import ScenarioSets
from generator.logic.flow import Flow, State, Step
from generator.logic.space import AnswerSpace
from generator.logic.verify import disagreements, prove

TOY_POLICY = Path(__file__).resolve().parent / "fixtures" / "toy" / "policy.yaml"
POLICY = Policy.from_data(yaml.safe_load(TOY_POLICY.read_text(encoding="utf-8")))
SPACE = AnswerSpace.of(POLICY)
# Scenarios by index: 0 small-fine, 1 small-broken, 2 large-fine, 3 large-damaged. Questions: 0 size, 1 damage.
EVERY, SIZE, DAMAGE = 0b1111, 0b01, 0b10
SMALL = (0b0011, SIZE)  # after size=small: small-fine and small-broken
SMALL_MAJOR = (0b0010, SIZE | DAMAGE)  # after size=small, damage=major: small-broken


def ends_at_once(state: State) -> Step | None:
    return Step(scenario=0) if state == (EVERY, 0) else None


def ends_on_the_wrong_scenario(state: State) -> Step | None:
    return Step(scenario=0) if state == SMALL_MAJOR else None


def swaps_the_sizes(state: State) -> Step | None:
    if state != (EVERY, 0):
        return None
    return Step(question=0, children=((0b1100, SIZE), (0b0011, SIZE)))


def forgets_an_answer(state: State) -> Step | None:
    return Step(question=1, children=((0b0001, SIZE | DAMAGE), (0b0001, SIZE | DAMAGE))) if state == SMALL else None


def wrong_flow(wrong_step):
    class WrongFlow(Flow):
        """The toy's flow, but for the one state where ``wrong_step`` says otherwise."""

        def _decide(self, state, path):
            return wrong_step(state) or super()._decide(state, path)

    return WrongFlow


WRONG = [
    pytest.param(
        ends_at_once,
        "policy.yaml: error: the finder ends on 'small-fine' without asking 'size', which it depends on",
        id="ends-before-asking-a-question-its-scenario-depends-on",
    ),
    pytest.param(
        ends_on_the_wrong_scenario,
        "policy.yaml: error: the finder ends on 'small-fine' after size=small, damage=major, "
        "which 'small-fine' does not cover",
        id="ends-on-a-scenario-that-does-not-cover-the-answers-given",
    ),
    pytest.param(
        swaps_the_sizes,
        "policy.yaml: error: the finder goes on after size=small as if other answers had been given",
        id="an-answer-leads-where-another-answer-should",
    ),
    pytest.param(
        forgets_an_answer,
        "policy.yaml: error: the finder asks 'damage' without offering each of its 3 answers",
        id="a-question-without-all-its-answers",
    ),
]


def named(diagnostics) -> list[str]:
    return [f"policy.yaml: error: {diagnostic.message}" for diagnostic in diagnostics]


@pytest.mark.parametrize(("wrong_step", "problem"), WRONG)
def test_a_flow_made_wrong_by_hand_is_refused(wrong_step, problem):
    boxes = [SPACE.box(scenario.when) for scenario in POLICY.scenarios]
    flow = wrong_flow(wrong_step)(POLICY, SPACE, boxes, ScenarioSets.of(SPACE, boxes))

    assert problem in named(disagreements(POLICY, flow))


@pytest.mark.parametrize(("wrong_step", "problem"), WRONG[:3])  # the page count needs every answer: not the last
def test_the_proof_refuses_a_wrong_flow(monkeypatch, wrong_step, problem):
    monkeypatch.setattr(verify, "Flow", wrong_flow(wrong_step))

    proof = prove(POLICY)

    assert not proof.holds
    assert problem in named(proof.diagnostics)
    assert proof.flow is None


def test_the_toys_own_flow_agrees():
    proof = prove(POLICY)

    assert proof.holds, proof.diagnostics
    assert proof.flow is not None
    assert disagreements(POLICY, proof.flow) == []
