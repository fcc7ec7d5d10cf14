"""Overlaps told as the editor made them: a slip in one scenario at that scenario, a new question at the question.

Each case makes one edit to the real policy, the way an editor slips or adds
a question, and expects the very lines `check` prints, written by hand
(counts worked out in the comments). Applying what the message suggests must
give every one of the 60 customers the outcome they had before the edit.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable

import pytest

from generator.cli import main
from generator.content.model import Policy
from generator.logic.table import decide
from generator.logic.verify import prove


def run_check(capsys) -> tuple[int, list[str]]:
    status = main(["check"])
    _, err = capsys.readouterr()
    return status, err.splitlines()


def edit(project, old: str, new: str) -> None:
    policy = project / "content/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    policy.write_text(text.replace(old, new), encoding="utf-8")


DID_NOT_TRY_REASON = (
    "  - id: did-not-try\n    when:\n      device-status: [not-flagged, status-unknown]\n"
    "      reason: [accounts, identity]\n"
)
DECLINED = (
    "  - id: declined-counteroffer\n    when:\n      device-status: [not-flagged]\n      reason: [counteroffer]\n"
)

SLIPS = [
    pytest.param(
        DID_NOT_TRY_REASON,
        DID_NOT_TRY_REASON.replace("      reason: [accounts, identity]\n", ""),
        # It now covers every reason: counteroffer (not-flagged: 'declined-counteroffer'; status-unknown:
        # 'unknown-status-counteroffer'), changed-mind and other (2 statuses each): 1 + 1 + 2 + 2 = 6.
        "content/policy.yaml:130:5: error: scenario 'did-not-try' allows any answer to question 'reason', so it "
        "overlaps 'declined-counteroffer', 'changed-mind', 'unknown-status-counteroffer' and 'other-reason' on 6 "
        "answer combinations. If it is for reason=accounts or identity only, add reason: [accounts, identity] to "
        "its when",
        id="a-line-deleted-is-told-at-its-scenario-not-as-a-new-question",
    ),
    pytest.param(
        DECLINED,
        DECLINED.replace("reason: [counteroffer]", "reason: [other]"),
        # not-flagged × other × 2 efforts, which 'other-reason' covers; and the counteroffer is left uncovered.
        "content/policy.yaml:110:5: error: scenario 'declined-counteroffer' has reason: [other], so it overlaps "
        "'other-reason' on 2 answer combinations, while no scenario covers device-status=not-flagged, "
        "reason=counteroffer (any effort). Did you mean reason: [counteroffer]?",
        id="a-word-replaced-is-told-once-with-the-gap-it-leaves",
    ),
    pytest.param(
        DECLINED,
        DECLINED.replace("[not-flagged]", "[not-flagged, status-unknown]"),
        # status-unknown × counteroffer × 2 efforts, which 'unknown-status-counteroffer' covers.
        "content/policy.yaml:110:5: error: scenario 'declined-counteroffer' has device-status: [not-flagged, "
        "status-unknown], so it overlaps 'unknown-status-counteroffer' on 2 answer combinations. Did you mean "
        "device-status: [not-flagged]?",
        id="a-word-added-is-told-at-its-scenario",
    ),
]


@pytest.mark.parametrize(("old", "new", "line"), SLIPS)
def test_a_slip_in_one_scenario_is_told_at_that_scenario(capsys, project, old, new, line):
    edit(project, old, new)

    assert run_check(capsys) == (1, [line, "1 problem found"])


def slipped(policy: Policy, scenario: str, change: Callable[[dict], dict]) -> Policy:
    scenarios = [dataclasses.replace(s, when=change(dict(s.when))) if s.id == scenario else s for s in policy.scenarios]
    return dataclasses.replace(policy, scenarios=tuple(scenarios))


def outcomes(policy: Policy) -> dict[tuple[str, ...], list[str]]:
    questions = [question.id for question in policy.questions]
    return {
        combination: [
            policy.scenario(s).outcome for s in decide(policy, dict(zip(questions, combination, strict=True)))
        ]
        for combination in itertools.product(*(question.answer_ids for question in policy.questions))
    }


@pytest.mark.parametrize(
    ("scenario", "change"),
    [
        pytest.param("did-not-try", lambda when: {q: a for q, a in when.items() if q != "reason"}, id="line-deleted"),
        pytest.param("declined-counteroffer", lambda when: {**when, "reason": frozenset({"other"})}, id="replaced"),
        pytest.param(
            "declined-counteroffer",
            lambda when: {**when, "device-status": frozenset({"not-flagged", "status-unknown"})},
            id="added",
        ),
    ],
)
def test_the_suggested_edit_gives_every_customer_their_outcome_back(policy, scenario, change):
    broken = slipped(policy, scenario, change)
    proof = prove(broken)

    ((problem, (fix,)),) = proof.fixes.items()
    ((index, question, answers),) = fix.edits
    when = dict(broken.scenarios[index].when)
    when[proof.space.questions[question]] = frozenset(proof.space.answer_ids(question, answers))

    assert broken.scenarios[index].id == scenario, problem.message
    assert outcomes(slipped(broken, scenario, lambda _: when)) == outcomes(policy)


NEW_QUESTION = """  - id: channel
    text: Where did you trade in your device?
    answers:
      - id: online
        text: Online
      - id: shop
        text: In a shop
"""
SHOP_SCENARIO = """  - id: shop
    when:
      channel: [shop]
    outcome: contact-support
    situation: You traded in your device in a shop.

outcomes:
"""


def test_a_new_question_the_old_scenarios_ignore_is_told_once_at_the_question(capsys, project):
    edit(
        project,
        "        text: No, I did not try, or I chose not to\n",
        "        text: No, I did not try, or I chose not to\n" + NEW_QUESTION,
    )
    edit(project, "\noutcomes:\n", "\n" + SHOP_SCENARIO)

    assert run_check(capsys) == (
        1,
        [
            # The question's item starts on line 94, right after the last answer of 'effort'.
            "content/policy.yaml:94:5: error: scenarios 'flagged-device', 'declined-counteroffer', "
            "'could-not-finalize', 'did-not-try', 'changed-mind' and 3 more allow any answer to question 'channel', "
            "so they overlap 'shop' (channel=shop), which depends on it. If they are for the other answers, add "
            "channel: [online] to their when",
            "1 problem found",
        ],
    )
