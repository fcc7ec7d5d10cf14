"""The proof's budget: every policy is proven, or refused as too tangled, within one budget of steps for all its work.

The policies are the ones that once held ``check`` for minutes (:mod:`adversarial`);
the tests hold the proof to its count of steps and to what it reports, and
``make bench`` times them.
"""

from __future__ import annotations

import itertools
import random

import adversarial
import pytest

from generator.cli import main
from generator.content.diagnostics import Position
from generator.content.model import Policy
from generator.logic import cover as cover_module
from generator.logic.cover import MAX_STEPS, Budget
from generator.logic.verify import MAX_PAIRS, prove


class CountingBudget(Budget):
    """A budget that also counts the steps asked for once it was spent: the work done past the limit."""

    def __init__(self, limit: int = MAX_STEPS, scenarios: int = 0) -> None:
        super().__init__(limit, scenarios)
        self.asked_after_the_limit = 0

    def spend(self, steps: int) -> None:
        if self.spent > self.limit:
            self.asked_after_the_limit += 1
        super().spend(steps)


def proven(data, limit: int = MAX_STEPS):
    policy = Policy.from_data(data)
    budget = CountingBudget(limit, len(policy.scenarios))
    return prove(policy, budget=budget), budget


def test_yes_no_questions_with_a_scenario_each_are_proven_without_a_piece_per_combination():
    proof, budget = proven(adversarial.tangled(17))

    # One gap, everything answered no; every pair of the 17 scenarios overlaps (the old proof cut 2^17 pieces).
    assert proof.gaps == [(0b10,) * 17]
    assert [(overlap.first, overlap.second) for overlap in proof.overlaps] == list(itertools.combinations(range(17), 2))
    assert proof.diagnostics[0].message.startswith("no scenario covers q0=no, q1=no, q2=no, ")
    assert budget.spent < 250_000  # 131,072 pieces, explained once per question, would be millions of steps


def test_thousands_of_catch_all_scenarios_are_paired_without_listing_every_pair():
    proof, budget = proven(adversarial.catch_alls(8000))

    assert len(proof.overlaps) == MAX_PAIRS
    assert [(overlap.first, overlap.second) for overlap in proof.overlaps[:3]] == [(0, 1), (0, 2), (0, 3)]
    assert (proof.overlaps[-1].first, proof.overlaps[-1].second) == (1, 2002)  # 7,999 pairs with s0, 2,001 with s1
    messages = [problem.message for problem in proof.diagnostics]
    assert "and over 9,990 more pairs of overlapping scenarios; fix the ones above first" in messages
    assert budget.spent < 500_000  # far from a step for each of the 32 million pairs


def test_a_finder_past_its_size_is_refused_within_the_budget():
    proof, budget = proven(adversarial.scattered())

    (problem,) = proof.diagnostics
    assert problem.message.startswith(
        "the finder would have more than 10,000 pages in each language, too many to build"
    )
    assert budget.spent <= MAX_STEPS


TANGLED_MESSAGE = (
    "the scenarios are too tangled to prove: the proof would take more than {limit:,} steps, where a policy an "
    "editor can review takes a few thousand; give the scenarios fewer, broader conditions (one scenario per outcome "
    "and group of answers, each question in as few of them as it can be), or split the policy into smaller ones"
)


def scattered_small_scenarios() -> dict:
    """2,000 scenarios that each allow one answer to three of 30 questions, at random: a real tangle."""
    data = adversarial.scattered(questions=30, answers=4, scenarios=31)
    rng = random.Random(0)
    data["scenarios"] = [
        {
            "id": f"s{number}",
            "when": {f"q{question}": [f"a{rng.randrange(4)}"] for question in rng.sample(range(30), 3)},
            "outcome": adversarial.OUTCOMES[number % 2],
            "situation": ".",
        }
        for number in range(2000)
    ]
    return data


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(scattered_small_scenarios(), id="small-scenarios-scattered-over-30-questions"),
        pytest.param(adversarial.tangled(3000), id="3000-questions-with-a-scenario-each"),
    ],
)
def test_a_policy_too_tangled_to_prove_is_refused_where_its_scenarios_start(data):
    policy = Policy.from_data(data)
    budget = CountingBudget(MAX_STEPS, len(policy.scenarios))

    proof = prove(policy, budget=budget)

    assert [(problem.position, problem.message) for problem in proof.diagnostics] == [
        (policy.scenarios_where, TANGLED_MESSAGE.format(limit=MAX_STEPS))
    ]
    assert budget.asked_after_the_limit == 0


@pytest.mark.parametrize("limit", [10, 1_000, 20_000, 100_000, 190_000], ids=lambda limit: f"{limit}-steps")
def test_the_budget_is_one_for_the_whole_proof_not_one_per_cut(limit):
    """Once spent, the proof does at most one more step's work: explaining overlaps once per question, as the
    old proof did with a fresh allowance each time, would spend it again for every question."""
    proof, budget = proven(adversarial.tangled(17), limit)

    assert budget.asked_after_the_limit <= 1
    assert proof.diagnostics  # every limit still answers: too tangled, or the gap and the overlaps


def test_a_proof_within_its_budget_leaves_a_finder_that_answers_every_combination():
    """The budget is the proof's: the build and the preview use the finder after it, with no budget left."""
    data = adversarial.toy()
    _, spent = proven(data)
    proof, budget = proven(data, limit=spent.spent)  # exactly enough

    assert proof.holds
    assert budget.spent == budget.limit
    questions = [(question.id, question.answer_ids) for question in proof.flow.policy.questions]
    for answers in itertools.product(*(ids for _, ids in questions)):
        assert proof.flow.follow(dict(zip((q for q, _ in questions), answers, strict=True))).outcome


def test_one_step_short_the_proof_of_the_finder_is_refused():
    data = adversarial.toy()
    _, spent = proven(data)

    proof, _ = proven(data, limit=spent.spent - 1)

    assert [problem.message for problem in proof.diagnostics] == [TANGLED_MESSAGE.format(limit=spent.spent - 1)]


def test_a_step_costs_more_on_bit_sets_of_more_scenarios():
    assert Budget(scenarios=cover_module.SET_SIZE - 1).weight == 1
    assert Budget(scenarios=10_000).weight == 5


def test_check_answers_thousands_of_catch_all_scenarios(tmp_path, monkeypatch, capsys):
    """The old check took 67 s and 3.5 GB on this file (508 KB): it listed all 32 million pairs first."""
    from test_check_rejects import make_content

    folder = make_content(tmp_path, adversarial.TOY_POLICY)
    (folder / "policy.yaml").write_text(adversarial.dump(adversarial.catch_alls(8000)), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    status = main(["check", "--content", str(folder)])

    out, err = capsys.readouterr()
    assert status == 1
    assert "error: and over 9,990 more pairs of overlapping scenarios; fix the ones above first" in err
    assert "Traceback" not in out + err


def long_outcome_on_many_pages(answers: int) -> dict:
    """One question of ``answers`` answers, each its own scenario: all but the last end on a 900,000-character
    outcome, so the finder shows it on ``answers - 1`` pages (and a short one on the last)."""
    data = adversarial.toy()
    data["questions"] = [
        {"id": "size", "text": "S?", "answers": [{"id": f"a{number}", "text": "A"} for number in range(answers)]}
    ]
    data["scenarios"] = [
        {
            "id": f"s{number}",
            "when": {"size": [f"a{number}"]},
            "outcome": "refund" if number < answers - 1 else "repair",
            "situation": ".",
        }
        for number in range(answers)
    ]
    data["outcomes"] = [
        {"id": "refund", "title": "T", "summary": "x" * 900_000, "body": ["b"]},
        {"id": "repair", "title": "R", "summary": "r", "body": ["r"]},
    ]
    return data


def test_a_finder_that_would_show_a_long_outcome_on_too_many_pages_is_refused_at_the_outcome():
    """On the old check it held, and the build wrote the outcome's 900,000 characters on 59 pages per language."""
    lines: dict = {}  # every part at a line of its own, as if read from a file
    policy = Policy.from_data(
        long_outcome_on_many_pages(60), lambda path: Position("policy.yaml", lines.setdefault(path, len(lines) + 1), 1)
    )

    proof = prove(policy)

    # The question's page (2 + 60 characters), 59 pages of 'refund' (1 + 900,000 + 1), 1 of 'repair' (3).
    assert policy.outcome("refund").where != policy.outcome("repair").where
    assert [(problem.position, problem.message) for problem in proof.diagnostics] == [
        (
            policy.outcome("refund").where,
            "the finder would show 53,100,183 characters of text in each language, more than the 50,000,000 a site "
            "can hold: outcome 'refund' (900,002 characters) is on 59 of its pages; shorten its texts, or ask fewer "
            "questions before it",
        )
    ]


def test_a_finder_that_shows_a_long_outcome_within_the_limit_is_proven():
    proof = prove(Policy.from_data(long_outcome_on_many_pages(56)))  # 62 + 55 × 900,002 + 3 = 49,500,175

    assert proof.holds
    assert len(proof.nodes) == 57
