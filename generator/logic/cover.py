"""How the scenarios cover the answer space: the gaps, the overlapping pairs, and the work it may take.

The space is cut in two or more pieces along one question at a time, the way
a decision tree is grown, until in each piece no scenario is in play (a gap)
or one scenario in play covers all of it (no gap there, whatever the others
do). The pieces are boxes, so their number follows the structure of the
rules, not the product of the answer counts: a policy of 30 questions and
2,000 scenarios is cut into a few thousand pieces, where enumerating would
meet 10^18 combinations. (DECISIONS.md says why this and not a decision
diagram.)

Overlaps are not found by cutting: where many scenarios overlap, cutting
until each piece is settled makes a piece per combination of them (17
scenarios on 17 yes/no questions, one each, make 131,072 pieces). A pair of
scenarios overlaps exactly when, for every question, one answer is allowed
by both; :func:`overlapping_pairs` finds the scenarios a box meets with one
``&`` and ``|`` per answer it allows, never comparing every pair.

The scenarios still in play are a bit set (a Python ``int``, bit ``i`` for the
``i``-th scenario), so that narrowing them by an answer is one ``&``.

All of the proof's work is counted against one :class:`Budget`, shared by
every step, so that no policy, however tangled, holds ``check`` for long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_

from generator.logic.space import AnswerSpace, Box, bits

#: The most steps the whole proof may take: about half a second of this machine's time. A step is an
#: operation on a bit set of up to :data:`SET_SIZE` scenarios, or a look at one question of a box. Far above
#: any policy an editor can review: the 2,000 scenarios of the benchmarks take about 250,000.
MAX_STEPS = 3_000_000
#: A bit set of more scenarios costs a step per this many of them (an ``&`` of 10,000 scenarios costs 5).
SET_SIZE = 2048


class TooTangledError(Exception):
    """The proof would take more than its budget of steps."""


class Budget:
    """The steps the proof may still take, shared by all of its parts: cutting, pairing, the finder.

    A budget per part would let a policy spend it once per part (or once per
    question, where a part runs once per question); one counter for the whole
    proof keeps its whole time bounded.
    """

    def __init__(self, limit: int = MAX_STEPS, scenarios: int = 0) -> None:
        self.limit = limit
        self.spent = 0
        #: What one step costs, in steps, with bit sets of ``scenarios`` scenarios.
        self.weight = 1 + scenarios // SET_SIZE

    def spend(self, steps: int) -> None:
        """Count ``steps`` more; raise :class:`TooTangledError` once the whole proof has taken more than the limit."""
        self.spent += steps * self.weight
        if self.spent > self.limit:
            raise TooTangledError(f"more than {self.limit:,} steps")


@dataclass(frozen=True)
class Cover:
    """What cutting the space along the scenarios found."""

    #: Disjoint boxes that no scenario covers, merged where two differ in one question only.
    gaps: list[Box]


@dataclass(frozen=True)
class ScenarioSets:
    """Per question and answer, the scenarios that allow it, as bit sets."""

    #: ``allowing[q][a]``: the scenarios whose box allows answer ``a`` of question ``q``.
    allowing: tuple[tuple[int, ...], ...]
    #: ``restricting[q]``: the scenarios that do not allow every answer of question ``q``.
    restricting: tuple[int, ...]
    #: Every scenario that covers something.
    every: int

    @classmethod
    def of(cls, space: AnswerSpace, boxes: Sequence[Box]) -> ScenarioSets:
        allowing = [[0] * len(answers) for answers in space.answers]
        restricting = [0] * len(space.answers)
        full = space.full
        for scenario, box in enumerate(boxes):
            bit = 1 << scenario
            for index, mask in enumerate(box):
                if mask != full[index]:
                    restricting[index] |= bit
                    for answer in bits(mask):
                        allowing[index][answer] |= bit
        # A scenario that allows every answer is in every answer's set: added once per question, not per answer.
        for index, answers in enumerate(allowing):
            unrestricting = ((1 << len(boxes)) - 1) & ~restricting[index]
            for answer in range(len(answers)):
                answers[answer] |= unrestricting
        # A scenario that allows no answer to some question covers nothing: it is never in play.
        every = sum(1 << scenario for scenario, box in enumerate(boxes) if 0 not in box)
        return cls(tuple(map(tuple, allowing)), tuple(restricting), every)


def cover(
    space: AnswerSpace, boxes: Sequence[Box], sets: ScenarioSets | None = None, budget: Budget | None = None
) -> Cover:
    """Cut the space along ``boxes`` (one per scenario) to find its gaps.

    Raises :class:`TooTangledError` once ``budget`` is spent.
    """
    sets = sets or ScenarioSets.of(space, boxes)
    budget = budget or Budget()
    full = space.full
    gaps: list[Box] = []
    pending: list[tuple[Box, int]] = [(full, sets.every)]
    while pending:
        region, in_play = pending.pop()
        budget.spend(len(region))
        if not in_play:
            gaps.append(region)
            continue
        # A scenario in play allows every answer the cuts kept (see below): it covers the whole piece unless it
        # restricts a question not cut yet. One that covers it leaves no gap there.
        covering = in_play
        for question, mask in enumerate(region):
            if mask == full[question]:
                covering &= ~sets.restricting[question]
        if covering:
            continue
        split = _split(sets, region, in_play, budget)
        if split is None:  # cannot happen: a scenario in play that does not cover the piece splits it
            continue
        question, groups = split
        # Pushed last first, so that pieces come out in the answers' YAML order.
        for narrowed, mask in reversed(groups):
            pending.append(((*region[:question], mask, *region[question + 1 :]), narrowed))
    return Cover(merge(gaps, budget))


def _split(sets: ScenarioSets, region: Box, in_play: int, budget: Budget) -> tuple[int, list[tuple[int, int]]] | None:
    """Choose the question to cut ``region`` along, and its answers grouped by the scenarios they keep.

    The question that the most scenarios in play restrict goes first: that is
    how an editor's table is usually organised, and it keeps the pieces few.
    Each group keeps the scenarios that allow all of its answers, so a
    scenario in play always allows every answer the cuts kept.
    """
    budget.spend(len(region))
    ranked = sorted(
        (-(in_play & restricting).bit_count(), question)
        for question, restricting in enumerate(sets.restricting)
        if in_play & restricting
    )
    for _, question in ranked:
        budget.spend(region[question].bit_length())
        groups: dict[int, int] = {}
        for answer in bits(region[question]):
            narrowed = in_play & sets.allowing[question][answer]
            groups[narrowed] = groups.get(narrowed, 0) | 1 << answer
        if len(groups) > 1:
            return question, [(narrowed, mask) for narrowed, mask in groups.items()]
    return None


def overlapping_pairs(
    space: AnswerSpace, boxes: Sequence[Box], sets: ScenarioSets, limit: int, budget: Budget
) -> list[tuple[int, int]]:
    """Return the first ``limit`` pairs ``(first, second)``, ``first < second``, of scenarios whose boxes meet.

    A box meets the scenarios that allow, for each question it restricts, one
    of its answers: an ``|`` per answer and an ``&`` per question, on bit sets,
    worked out once per distinct box (8,000 catch-all scenarios are one box).
    The cost follows the boxes and the pairs returned, not every pair: 8,000
    scenarios that all overlap make 32 million pairs, of which the first
    ``limit`` are listed.
    """
    pairs: list[tuple[int, int]] = []
    meeting_of: dict[Box, int] = {}
    full = space.full
    for first, box in enumerate(boxes):
        budget.spend(len(box))
        if not sets.every >> first & 1:
            continue  # covers nothing: it meets no one
        meeting = meeting_of.get(box)
        if meeting is None:
            meeting = sets.every
            for question, mask in enumerate(box):
                if mask != full[question]:
                    budget.spend(mask.bit_count())
                    meeting &= reduce(or_, (sets.allowing[question][answer] for answer in bits(mask)))
            meeting_of[box] = meeting
        for offset in bits(meeting >> (first + 1)):
            budget.spend(1)
            pairs.append((first, first + 1 + offset))
            if len(pairs) >= limit:
                return pairs
    return pairs


def merge(boxes: list[Box], budget: Budget | None = None) -> list[Box]:
    """Merge disjoint boxes that differ in one question only, until none do; keep the first one's place.

    >>> merge([(1, 1), (1, 2), (2, 4)])
    [(1, 3), (2, 4)]
    """
    budget = budget or Budget()
    boxes = list(boxes)
    changed = True
    while changed and len(boxes) > 1:
        changed = False
        for question in range(len(boxes[0])):
            budget.spend(len(boxes) * len(boxes[0]))
            merged: dict[Box, int] = {}
            for box in boxes:
                rest = (*box[:question], -1, *box[question + 1 :])
                merged[rest] = merged.get(rest, 0) | box[question]
            if len(merged) < len(boxes):
                changed = True
                boxes = [(*rest[:question], mask, *rest[question + 1 :]) for rest, mask in merged.items()]
    return boxes
