"""The answer space, and sets of answer combinations as boxes.

A scenario's ``when`` is a box: for each question, the set of answers it
allows (a question it does not name allows all of them). The proof works on
boxes and never on the combinations inside them, which are the product of the
answer counts: 4 answers to 30 questions make 10^18 combinations, but a box is
still 30 small numbers.

A set of answers of one question is a bit mask over its answers in YAML order:
bit 0 is the first answer. A box is one mask per question, in YAML order.

>>> space = AnswerSpace(("size", "damage"), (("small", "large"), ("none", "minor", "major")))
>>> box = space.box({"damage": ["minor", "major"]})
>>> box
(3, 6)
>>> space.size(box)
4
>>> space.as_when(box)
{'damage': ['minor', 'major']}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from math import prod

from generator.content.model import Policy

#: Per question, in YAML order, the mask of the answers allowed.
Box = tuple[int, ...]


def bits(mask: int) -> Iterator[int]:
    """Yield the indexes of the set bits of ``mask``, lowest first.

    >>> list(bits(0b1011))
    [0, 1, 3]
    """
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def intersection(first: Box, second: Box) -> Box | None:
    """Return the box of the combinations both boxes hold, or ``None`` when they share none."""
    common = tuple(a & b for a, b in zip(first, second, strict=True))
    return None if 0 in common else common


@dataclass(frozen=True)
class AnswerSpace:
    """Every question with its answers: the space that the scenarios must tile."""

    questions: tuple[str, ...]
    #: Per question, its answer ids in YAML order.
    answers: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, policy: Policy) -> AnswerSpace:
        return cls(
            tuple(question.id for question in policy.questions),
            tuple(question.answer_ids for question in policy.questions),
        )

    @property
    def full(self) -> Box:
        """The box of every combination."""
        return tuple((1 << len(answers)) - 1 for answers in self.answers)

    def box(self, when: Mapping[str, Iterable[str]]) -> Box:
        """Return the box of a scenario's ``when`` (unknown ids are left out: references are checked before)."""
        masks = []
        for question, answers in zip(self.questions, self.answers, strict=True):
            if question in when:
                allowed = set(when[question])
                masks.append(sum(1 << index for index, answer in enumerate(answers) if answer in allowed))
            else:
                masks.append((1 << len(answers)) - 1)
        return tuple(masks)

    def size(self, box: Box) -> int:
        """Return how many answer combinations ``box`` holds."""
        return prod(mask.bit_count() for mask in box)

    def is_full(self, index: int, mask: int) -> bool:
        """Return whether ``mask`` allows every answer of question ``index``."""
        return mask == (1 << len(self.answers[index])) - 1

    def answer_ids(self, index: int, mask: int) -> list[str]:
        """Return the ids of the answers of question ``index`` in ``mask``, in YAML order."""
        return [self.answers[index][bit] for bit in bits(mask)]

    def as_when(self, box: Box) -> dict[str, list[str]]:
        """Return ``box`` as a scenario's ``when``: only the questions it restricts."""
        return {
            question: self.answer_ids(index, mask)
            for index, (question, mask) in enumerate(zip(self.questions, box, strict=True))
            if not self.is_full(index, mask)
        }
