"""The decision table by brute force: which scenarios every combination of answers falls in.

This is the reference the proof is tested against, and nothing else: the
proof itself (:mod:`generator.logic.verify`) works on the scenarios' boxes and never
enumerates. :func:`build_table` is the one place that does, so its cost is
the product of the answer counts: use it on small policies only (the tests'
random policies, the benchmarks' brute-force column).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator.content.model import Policy

#: A full combination of answers, one per question, in question order.
Combination = tuple[str, ...]


@dataclass(frozen=True)
class DecisionTable:
    """Every combination of answers and the ids of the scenarios it matches."""

    questions: tuple[str, ...]
    rows: Mapping[Combination, tuple[str, ...]]

    def as_answers(self, combination: Combination) -> dict[str, str]:
        """Return ``combination`` as a question id → answer id mapping."""
        return dict(zip(self.questions, combination, strict=True))

    def consistent(self, answered: Mapping[str, str]) -> Iterator[tuple[Combination, tuple[str, ...]]]:
        """Yield the rows whose answers agree with the partial ``answered``."""
        indexes = [(self.questions.index(question), answer) for question, answer in answered.items()]
        for combination, scenarios in self.rows.items():
            if all(combination[index] == answer for index, answer in indexes):
                yield combination, scenarios

    def possible_scenarios(self, answered: Mapping[str, str]) -> frozenset[str]:
        """Return the scenarios still possible once ``answered`` is known."""
        return frozenset(scenario for _, scenarios in self.consistent(answered) for scenario in scenarios)


def build_table(policy: Policy) -> DecisionTable:
    """Match every combination of answers against every scenario."""
    questions = tuple(question.id for question in policy.questions)
    rows = {}
    for combination in itertools.product(*(question.answer_ids for question in policy.questions)):
        answers = dict(zip(questions, combination, strict=True))
        rows[combination] = tuple(scenario.id for scenario in policy.scenarios if scenario.matches(answers))
    return DecisionTable(questions, rows)


def decide(policy: Policy, answers: Mapping[str, str]) -> tuple[str, ...]:
    """Return the ids of the scenarios a full set of ``answers`` falls in (one, when proven)."""
    return tuple(scenario.id for scenario in policy.scenarios if scenario.matches(answers))
