"""How the scenarios cover the answer space: the gaps, the overlaps, and who answers where.

The space is cut in two or more pieces along one question at a time, the way
a decision tree is grown, until in each piece every scenario still in play
covers all of it. A piece where no scenario is in play is a gap; one where
several are is an overlap; one with a single scenario is settled. The pieces
are boxes, so their number follows the structure of the rules, not the
product of the answer counts: a policy of 30 questions and 2,000 scenarios is
cut into a few thousand pieces, where enumerating would meet 10^18
combinations. (DECISIONS.md says why this and not a decision diagram.)

The scenarios still in play are a bit set (a Python ``int``, bit ``i`` for the
``i``-th scenario), so that narrowing them by an answer is one ``&``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.logic.space import AnswerSpace, Box, bits

#: The most pieces the space may be cut into before the proof gives up (a tangle no editor could review).
MAX_PIECES = 1_000_000


class TooTangledError(Exception):
    """The scenarios cut the space into more than :data:`MAX_PIECES` pieces."""


@dataclass(frozen=True)
class Cover:
    """What cutting the space along the scenarios found."""

    #: Disjoint boxes that no scenario covers, merged where two differ in one question only.
    gaps: list[Box]
    #: Boxes that several scenarios cover, each with those scenarios' indexes.
    overlaps: list[tuple[Box, tuple[int, ...]]]


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
        # A scenario that allows no answer to some question covers nothing: it is never in play.
        every = sum(1 << scenario for scenario, box in enumerate(boxes) if 0 not in box)
        return cls(tuple(map(tuple, allowing)), tuple(restricting), every)


def cover(
    space: AnswerSpace, boxes: Sequence[Box], sets: ScenarioSets | None = None, *, max_pieces: int = MAX_PIECES
) -> Cover:
    """Cut the space along ``boxes`` (one per scenario); raise :class:`TooTangledError` past ``max_pieces``."""
    sets = sets or ScenarioSets.of(space, boxes)
    gaps: list[Box] = []
    overlaps: list[tuple[Box, tuple[int, ...]]] = []
    pieces = 0
    pending: list[tuple[Box, int]] = [(space.full, sets.every)]
    while pending:
        region, in_play = pending.pop()
        pieces += 1
        if pieces > max_pieces:
            raise TooTangledError(f"the scenarios cut the answers into more than {max_pieces:,} pieces")
        if not in_play:
            gaps.append(region)
            continue
        split = _split(sets, region, in_play)
        if split is None:  # every scenario in play covers the whole region: settled, or an overlap
            if in_play & (in_play - 1):
                overlaps.append((region, tuple(bits(in_play))))
            continue
        question, groups = split
        # Pushed last first, so that pieces come out in the answers' YAML order.
        for narrowed, mask in reversed(groups):
            pending.append(((*region[:question], mask, *region[question + 1 :]), narrowed))
    return Cover(merge(gaps), overlaps)


def _split(sets: ScenarioSets, region: Box, in_play: int) -> tuple[int, list[tuple[int, int]]] | None:
    """Choose the question to cut ``region`` along, and its answers grouped by the scenarios they keep.

    The question that the most scenarios in play restrict goes first: that is
    how an editor's table is usually organised, and it keeps the pieces few.
    """
    ranked = sorted(
        (-(in_play & restricting).bit_count(), question)
        for question, restricting in enumerate(sets.restricting)
        if in_play & restricting
    )
    for _, question in ranked:
        groups: dict[int, int] = {}
        for answer in bits(region[question]):
            narrowed = in_play & sets.allowing[question][answer]
            groups[narrowed] = groups.get(narrowed, 0) | 1 << answer
        if len(groups) > 1:
            return question, [(narrowed, mask) for narrowed, mask in groups.items()]
    return None


def merge(boxes: list[Box]) -> list[Box]:
    """Merge disjoint boxes that differ in one question only, until none do; keep the first one's place.

    >>> merge([(1, 1), (1, 2), (2, 4)])
    [(1, 3), (2, 4)]
    """
    boxes = list(boxes)
    changed = True
    while changed and len(boxes) > 1:
        changed = False
        for question in range(len(boxes[0])):
            merged: dict[Box, int] = {}
            for box in boxes:
                rest = (*box[:question], -1, *box[question + 1 :])
                merged[rest] = merged.get(rest, 0) | box[question]
            if len(merged) < len(boxes):
                changed = True
                boxes = [(*rest[:question], mask, *rest[question + 1 :]) for rest, mask in merged.items()]
    return boxes
