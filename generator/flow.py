"""The finder's question flow, derived from the decision table.

The flow asks the questions in the order of the YAML and skips a question as
soon as its answer can no longer change the scenario. It is never written by
hand, so it cannot disagree with the table; :mod:`generator.verify` still
walks every combination through it to prove that it does not.

A node of the flow is identified by the answers given to reach it, so its
URL (``finder/not-flagged/accounts/``) stays the same when wording changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator.model import Policy, Question
from generator.table import DecisionTable

#: The answers given on the way to a node: (question id, answer id) pairs in order.
Path = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class QuestionNode:
    """A node where the finder asks ``question``."""

    path: Path
    question: Question


@dataclass(frozen=True)
class OutcomeNode:
    """A node where the answers settle the scenario, and so the outcome."""

    path: Path
    scenario: str
    outcome: str


Node = QuestionNode | OutcomeNode


class FlowError(Exception):
    """The flow cannot go on from ``path``; the message says why."""

    def __init__(self, message: str, path: Path, question: Question | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.question = question


def next_node(policy: Policy, table: DecisionTable, path: Path) -> Node:
    """Return the node the finder shows after the answers in ``path``."""
    answered = dict(path)
    possible = table.possible_scenarios(answered)
    if len(possible) == 1:
        (scenario,) = possible
        return OutcomeNode(path, scenario, policy.scenario(scenario).outcome)
    waiting: list[Question] = []
    for question in policy.questions:
        if question.id in answered or not _matters(table, answered, question, possible):
            continue
        if all(other in answered for other in question.follows):
            return QuestionNode(path, question)
        waiting.append(question)
    if waiting:
        question = waiting[0]
        missing = ", ".join(f"'{other}'" for other in question.follows if other not in answered)
        raise FlowError(
            f"question '{question.id}' must follow {missing}, which is not asked on this path",
            path,
            question,
        )
    raise FlowError(f"no question separates scenarios {', '.join(sorted(possible))}", path)


def _matters(table: DecisionTable, answered: Mapping[str, str], question: Question, possible: frozenset[str]) -> bool:
    """Return whether some answer to ``question`` would narrow the possible scenarios."""
    return any(
        table.possible_scenarios({**answered, question.id: answer}) != possible for answer in question.answer_ids
    )


def walk(policy: Policy, table: DecisionTable) -> Iterator[Node]:
    """Yield every node of the flow, depth first, answers in YAML order."""
    pending: list[Path] = [()]
    while pending:
        path = pending.pop()
        node = next_node(policy, table, path)
        yield node
        if isinstance(node, QuestionNode):
            pending.extend((*path, (node.question.id, answer)) for answer in reversed(node.question.answer_ids))


def follow(policy: Policy, table: DecisionTable, answers: Mapping[str, str]) -> OutcomeNode:
    """Answer the finder's questions from a full set of ``answers``; return where it ends."""
    path: Path = ()
    while True:
        node = next_node(policy, table, path)
        if isinstance(node, OutcomeNode):
            return node
        path = (*path, (node.question.id, answers[node.question.id]))
