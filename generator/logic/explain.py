"""Gaps and overlaps in an editor's words, with the YAML that would fix them.

A gap or an overlap is a box of answer combinations. It is shown by what it
fixes (``reason=lost-device``), what it narrows to several answers
(``when damage is minor or major``) and what it leaves
open (``any effort``), with the number of combinations it holds, so that an
editor sees its shape and its size at once.

An overlap is told as the edit that most likely made it: a :class:`Repair`
is one answer list of one scenario written anew so that it overlaps nothing
and leaves no new gap (what an editor's slip undoes), and it is told at that
scenario. What a message suggests is also given as a :class:`Fix`, which the
tests apply to check that it fixes the policy and moves no customer unsaid.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from generator.content.load import plain_scalar
from generator.logic.cover import Budget, ScenarioSets, TooTangledError, cover
from generator.logic.space import AnswerSpace, Box, bits, intersection

#: Questions left open are named up to this many; beyond, they are counted.
MAX_OPEN_NAMED = 3


def count_combinations(count: int) -> str:
    """Return ``count`` answer combinations in words.

    >>> count_combinations(1), count_combinations(12000)
    ('1 answer combination', '12,000 answer combinations')
    """
    return f"{count:,} answer combination{'s' if count != 1 else ''}"


def format_answers(answers: Iterable[tuple[str, str]]) -> str:
    """Return answers given, in order, as ``question=answer`` pairs.

    >>> format_answers([("status", "ok"), ("reason", "lost")])
    'status=ok, reason=lost'
    """
    return ", ".join(f"{question}={answer}" for question, answer in answers)


def describe(space: AnswerSpace, box: Box) -> str:
    """Return the combinations of ``box`` in words.

    >>> space = AnswerSpace(("status", "reason", "effort"), (("ok", "unknown", "bad"), ("lost", "other"), ("y", "n")))
    >>> describe(space, (0b011, 0b01, 0b11))
    'reason=lost when status is ok or unknown (any effort)'
    >>> describe(space, (0b100, 0b01, 0b10))
    'status=bad, reason=lost, effort=n'
    >>> describe(space, (0b011, 0b11, 0b11))
    'answers where status is ok or unknown (any reason, effort)'
    """
    fixed, narrowed, open_ = [], [], []
    for index, (question, mask) in enumerate(zip(space.questions, box, strict=True)):
        answers = space.answer_ids(index, mask)
        if space.is_full(index, mask):
            open_.append(question)
        elif len(answers) == 1:
            fixed.append(f"{question}={answers[0]}")
        else:
            narrowed.append(f"{question} is {' or '.join(answers)}")
    text = ", ".join(fixed)
    if narrowed:
        text = f"{text} when " if text else "answers where "
        text += " and ".join(narrowed)
    if not text:
        return "every combination of answers"
    if open_:
        named = ", ".join(open_) if len(open_) <= MAX_OPEN_NAMED else f"answer to the {len(open_)} other questions"
        text += f" (any {named})"
    return text


def when_yaml(space: AnswerSpace, box: Box) -> str:
    """Return the ``when`` of a scenario that covers exactly ``box``, as flow-style YAML.

    >>> space = AnswerSpace(("status", "reason"), (("ok", "unknown", "bad"), ("lost", "other")))
    >>> when_yaml(space, (0b011, 0b01))
    '{status: [ok, unknown], reason: [lost]}'
    """
    restricted = space.as_when(box)
    return "{" + ", ".join(f"{question}: {flow_list(answers)}" for question, answers in restricted.items()) + "}"


def flow_list(answers: list[str]) -> str:
    """Return answer ids as a YAML flow list, each quoted where YAML would read it as something else.

    >>> flow_list(["yes", "not-sure"])
    "['yes', not-sure]"
    """
    return f"[{', '.join(map(plain_scalar, answers))}]"


def gap_message(space: AnswerSpace, box: Box) -> str:
    count = space.size(box)
    return (
        f"no scenario covers {describe(space, box)}: {count_combinations(count)}. "
        f"To cover {'it' if count == 1 else 'them'}, add a scenario with when: {when_yaml(space, box)}"
    )


def more_gaps_message(space: AnswerSpace, boxes: list[Box]) -> str:
    count = sum(space.size(box) for box in boxes)
    return (
        f"and {len(boxes):,} more gap{'s' if len(boxes) != 1 else ''} of this kind "
        f"({count_combinations(count)}); fix the ones above, then run the check again"
    )


def overlap_message(
    space: AnswerSpace,
    first: tuple[str, str],
    second: tuple[str, str],
    box: Box,
    repairs: Iterable[tuple[str, str, list[str]]] = (),
) -> str:
    """Name two overlapping scenarios (id, outcome), what they share, and what to do.

    ``repairs`` are the edits that would settle it, each ``(scenario, question, answers)``: write
    ``question: answers`` in that scenario's when.
    """
    (first_id, first_outcome), (second_id, second_outcome) = first, second
    shared = f"both cover {describe(space, box)}: {count_combinations(space.size(box))}"
    edits = " or ".join(f"{question}: {flow_list(answers)} in '{name}'" for name, question, answers in repairs)
    either = f" (write {edits})" if edits else ""
    if first_outcome == second_outcome:
        return (
            f"scenarios '{first_id}' and '{second_id}' {shared}; both lead to '{first_outcome}', "
            f"so keep these answers in one of them only{either} (or merge the two)"
        )
    return (
        f"scenarios '{first_id}' (outcome '{first_outcome}') and '{second_id}' (outcome '{second_outcome}') "
        f"{shared}. Decide which outcome these customers get, and take these answers out of the other scenario{either}"
    )


def question_overlap_message(
    question: str, wide: list[str], narrow: list[tuple[str, list[str]]], rest: list[str]
) -> str:
    """Say once that the scenarios which allow any answer to ``question`` overlap those that depend on it."""
    names = _names([f"'{scenario}'" for scenario in wide])
    depend = _names([f"'{scenario}' ({question}={' or '.join(answers)})" for scenario, answers in narrow])
    fix = (
        f"If they are for the other answers, add {question}: {flow_list(rest)} to their when"
        if rest
        else f"Give each of them the answers to '{question}' it is for"
    )
    return (
        f"scenarios {names} allow any answer to question '{question}', so they overlap {depend}, "
        f"which depend{'s' if len(narrow) == 1 else ''} on it. {fix}"
    )


def _names(quoted: list[str], shown: int = 5) -> str:
    """Return ``'a', 'b' and 'c'``, or the first ``shown`` and how many more.

    >>> _names(["'a'"]), _names(["'a'", "'b'", "'c'"]), _names([str(n) for n in range(7)])
    ("'a'", "'a', 'b' and 'c'", '0, 1, 2, 3, 4 and 2 more')
    """
    if len(quoted) > shown:
        return f"{', '.join(quoted[:shown])} and {len(quoted) - shown} more"
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


@dataclass(frozen=True)
class Fix:
    """What a message suggests, as edits an editor (or a test) can apply.

    ``edits``: write, in scenario ``index``'s ``when``, exactly these answers
    (a mask) for question ``question`` (all of them: the question may be left
    out). ``adds``: add a scenario whose ``when`` is this box; its outcome is
    the editor's choice, for the answers of a gap.
    """

    edits: tuple[tuple[int, int, int], ...] = ()
    adds: tuple[Box, ...] = ()


@dataclass(frozen=True)
class Repair:
    """One answer list of one scenario, written anew, that settles every overlap of that scenario.

    The answers it takes out of the scenario are covered by the scenarios it
    overlapped there (so their customers keep those scenarios' outcomes), and
    the answers it adds were in a gap (no customer of another scenario moves).
    This is the edit of an editor's slip: a word changed in a list, an answer
    added or dropped, a line deleted.
    """

    scenario: int
    question: int
    #: The answers the scenario allows for the question now, and those it would allow.
    was: int
    answers: int
    #: The scenarios it overlaps now, and how many combinations they share with it in all.
    partners: tuple[int, ...]
    shared: int
    #: How many combinations of a gap it would cover.
    closes: int

    @property
    def fix(self) -> Fix:
        return Fix(edits=((self.scenario, self.question, self.answers),))

    def rank(self, space: AnswerSpace, box: Box) -> tuple[int, int]:
        """The better of two repairs settles more combinations, then changes fewer."""
        changed = space.size((*box[: self.question], self.was ^ self.answers, *box[self.question + 1 :]))
        return (self.shared + self.closes, -changed)


class Repairs:
    """Finds :class:`Repair` s on the scenarios' boxes, and applies the ones reported, so that the next fit with them.

    Each check that the answers taken out stay covered spends the proof's
    ``budget`` (:class:`~generator.logic.cover.Budget`); once it is spent, no
    more repairs are offered, and the overlaps left are told pair by pair.
    """

    def __init__(
        self, space: AnswerSpace, boxes: list[Box], sets: ScenarioSets | None = None, budget: Budget | None = None
    ) -> None:
        self.space = space
        self.original = list(boxes)
        self.boxes = list(boxes)
        self.budget = budget or Budget(scenarios=len(boxes))
        self._allowing = [list(row) for row in (sets or ScenarioSets.of(space, self.boxes)).allowing]

    def apply(self, fix: Fix) -> None:
        for index, question, answers in fix.edits:
            box = self.boxes[index]
            self.boxes[index] = (*box[:question], answers, *box[question + 1 :])
            for answer, scenarios in enumerate(self._allowing[question]):
                self._allowing[question][answer] = (
                    scenarios | 1 << index if answers >> answer & 1 else scenarios & ~(1 << index)
                )

    def meeting(self, box: Box) -> list[int]:
        """Per question ``q``, the scenarios that meet ``box`` on every question but ``q``, as bit sets."""
        per_question = [
            reduce(or_, (self._allowing[question][answer] for answer in bits(mask)), 0)
            for question, mask in enumerate(box)
        ]
        every = (1 << len(self.boxes)) - 1
        before, after = [every], [every]
        for allowed in per_question[:-1]:
            before.append(before[-1] & allowed)
        for allowed in reversed(per_question[1:]):
            after.append(after[-1] & allowed)
        return [left & right for left, right in zip(before, reversed(after), strict=True)]

    def of(self, index: int) -> Repair | None:
        """The best repair of scenario ``index``, or ``None`` when no edit of one of its lists settles its overlaps."""
        box = self.boxes[index]
        if 0 in box:
            return None
        space, others = self.space, ~(1 << index)
        meeting = self.meeting(box)
        # Meeting on the first question too: meeting the whole box.
        partners = meeting[0] & reduce(or_, (self._allowing[0][answer] for answer in bits(box[0])), 0) & others
        if not partners:
            return None
        best: tuple[tuple[int, int], Repair] | None = None
        for question, mask in enumerate(box):
            near = meeting[question] & others
            answers = sum(1 << a for a in range(len(space.answers[question])) if not near & self._allowing[question][a])
            if answers in (0, mask):
                continue
            taken = mask & ~answers
            if taken and not self._covered((*box[:question], taken, *box[question + 1 :]), near):
                continue
            added = (*box[:question], answers & ~mask, *box[question + 1 :])
            repair = Repair(
                index,
                question,
                mask,
                answers,
                tuple(bits(partners)),
                sum(space.size(shared) for shared in self._shared(box, partners)),
                space.size(added) if answers & ~mask else 0,
            )
            rank = repair.rank(space, box)
            if best is None or rank > best[0]:
                best = (rank, repair)
        return None if best is None else best[1]

    def covered_gap(self, repair: Repair) -> Box | None:
        """The box of a gap that ``repair`` would cover, if any."""
        box, question = self.boxes[repair.scenario], repair.question
        added = repair.answers & ~repair.was
        return (*box[:question], added, *box[question + 1 :]) if added else None

    def _shared(self, box: Box, partners: int) -> list[Box]:
        return [shared for other in bits(partners) if (shared := intersection(box, self.boxes[other])) is not None]

    def _covered(self, region: Box, near: int) -> bool:
        """Whether the scenarios in ``near`` cover all of ``region`` (cut along them, within a budget)."""
        clipped = [shared for shared in (intersection(region, self.boxes[i]) for i in bits(near)) if shared]
        outside = [  # the rest of the space, as disjoint boxes: so that only ``region`` can hold a gap
            (*region[:question], full & ~mask, *self.space.full[question + 1 :])
            for question, (mask, full) in enumerate(zip(region, self.space.full, strict=True))
            if full & ~mask
        ]
        try:
            return not cover(self.space, [*clipped, *outside], budget=self.budget).gaps
        except TooTangledError:
            return False


def repair_message(
    space: AnswerSpace, scenarios: list[tuple[str, str]], repair: Repair, box: Box, other: Repair | None = None
) -> str:
    """Say which list of a scenario an overlap (and a gap beside it) comes from, and what to write instead.

    ``other`` is a repair of another scenario that would do as well, said as the other way to read it.
    """
    name, _ = scenarios[repair.scenario]
    question, answers = space.questions[repair.question], space.answer_ids(repair.question, repair.answers)
    partners = _names([f"'{scenarios[index][0]}'" for index in repair.partners])
    overlap = f"so it overlaps {partners} on {count_combinations(repair.shared)}"
    added = repair.answers & ~repair.was
    gap = (
        f", while no scenario covers {describe(space, (*box[: repair.question], added, *box[repair.question + 1 :]))}"
        if added
        else ""
    )
    alternative = ""
    if other is not None:
        other_answers = space.answer_ids(other.question, other.answers)
        alternative = (
            f" (if you changed '{scenarios[other.scenario][0]}' instead, write "
            f"{space.questions[other.question]}: {flow_list(other_answers)} in it)"
        )
    if space.is_full(repair.question, repair.was):
        return (
            f"scenario '{name}' allows any answer to question '{question}', {overlap}{gap}. If it is for "
            f"{question}={' or '.join(answers)} only, add {question}: {flow_list(answers)} to its when{alternative}"
        )
    written = flow_list(space.answer_ids(repair.question, repair.was))
    return (
        f"scenario '{name}' has {question}: {written}, {overlap}{gap}. "
        f"Did you mean {question}: {flow_list(answers)}?{alternative}"
    )
