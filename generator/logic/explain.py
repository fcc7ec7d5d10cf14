"""Gaps and overlaps in an editor's words, with the YAML that would fix them.

A gap or an overlap is a box of answer combinations. It is shown by what it
fixes (``reason=lost-device``), what it narrows to several answers
(``when device-status is not-flagged or status-unknown``) and what it leaves
open (``any effort``), with the number of combinations it holds, so that an
editor sees its shape and its size at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.content.load import plain_scalar
from generator.logic.space import AnswerSpace, Box

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


def overlap_message(space: AnswerSpace, first: tuple[str, str], second: tuple[str, str], box: Box) -> str:
    """Name two overlapping scenarios (id, outcome), what they share, and what to do."""
    (first_id, first_outcome), (second_id, second_outcome) = first, second
    shared = f"both cover {describe(space, box)}: {count_combinations(space.size(box))}"
    if first_outcome == second_outcome:
        return (
            f"scenarios '{first_id}' and '{second_id}' {shared}; both lead to '{first_outcome}', "
            "so keep these answers in one of them only (or merge the two)"
        )
    return (
        f"scenarios '{first_id}' (outcome '{first_outcome}') and '{second_id}' (outcome '{second_outcome}') "
        f"{shared}. Decide which outcome these customers get, and take these answers out of the other scenario"
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
