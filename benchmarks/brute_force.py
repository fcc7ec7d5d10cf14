"""The previous proof, which enumerated every combination: the benchmarks' reference.

This is the proof as it was before it worked on boxes (the decision table of
:mod:`generator.logic.table`, a scan of every row for every pair of scenarios, and
a finder that scans the table again at each node, walked with every
combination), condensed to what costs time: it finds the same gaps, overlaps
and finder pages, and returns their counts. ``make bench`` times it against
:func:`generator.logic.verify.prove` on the same policy; nothing else uses it.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from generator.content.model import Policy
from generator.logic.table import DecisionTable, build_table

#: The answers given on the way to a node: (question id, answer id) pairs in order.
Path = tuple[tuple[str, str], ...]


def prove(policy: Policy) -> dict[str, int]:
    """Enumerate, check and walk as the previous proof did; return what it found."""
    table = build_table(policy)
    gaps = sum(1 for scenarios in table.rows.values() if not scenarios)
    overlapping = 0
    for first, second in itertools.combinations(policy.scenarios, 2):
        if any(first.id in scenarios and second.id in scenarios for scenarios in table.rows.values()):
            overlapping += 1
    pages = 0
    if not gaps and not overlapping:
        pages = sum(1 for _ in _walk(policy, table))
        for combination, (scenario,) in table.rows.items():
            assert _follow(policy, table, table.as_answers(combination)) == scenario
    return {"combinations": len(table.rows), "gaps": gaps, "overlapping pairs": overlapping, "pages": pages}


def _next(policy: Policy, table: DecisionTable, path: Path) -> tuple[str, str]:
    """What the finder shows after ``path``: ("outcome", scenario) or ("question", question)."""
    answered = dict(path)
    possible = table.possible_scenarios(answered)
    if len(possible) == 1:
        return "outcome", next(iter(possible))
    for question in policy.questions:
        if question.id in answered or not _matters(table, answered, question.id, question.answer_ids, possible):
            continue
        if all(other in answered for other in question.follows):
            return "question", question.id
    raise ValueError(f"the finder stops after {path}")


def _matters(
    table: DecisionTable, answered: Mapping[str, str], question: str, answers: tuple[str, ...], possible: frozenset
) -> bool:
    return any(table.possible_scenarios({**answered, question: answer}) != possible for answer in answers)


def _walk(policy: Policy, table: DecisionTable) -> list[Path]:
    pages, pending = [], [()]
    while pending:
        path = pending.pop()
        kind, name = _next(policy, table, path)
        pages.append(path)
        if kind == "question":
            answers = policy.question(name).answer_ids
            pending.extend((*path, (name, answer)) for answer in reversed(answers))
    return pages


def _follow(policy: Policy, table: DecisionTable, answers: Mapping[str, str]) -> str:
    path: Path = ()
    while True:
        kind, name = _next(policy, table, path)
        if kind == "outcome":
            return name
        path = (*path, (name, answers[name]))
