"""Where an edited text went, in a list whose items have no ids and moved.

The blocks of a body, the items of a list in one and the cells of a table row are named by their positions
(``…/body/2``, ``…/body/4/list/0``): insert a paragraph at the top and every later block takes the next number.
A text whose English is unchanged follows that English (:mod:`generator.i18n.moves`); a text that was edited
*and* moved has no English to follow. Its earlier translation belongs, as a stale one, where the old list and
the new one, compared as a diff compares lines, put the edited text. A stale translation is never published: it
shows the translator what changed.

Example: ``body`` was ``[A, B, C]`` and is ``[N, A, B2, C]``: the diff says N was inserted and B became B2, so
:func:`realigned` pairs the old ``body/1`` (B) with the new ``body/2`` (B2).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from difflib import SequenceMatcher
from typing import Any

#: A position in a context: ``/4`` in ``…/body/4/list/0`` (an id never starts with a digit).
_POSITION = re.compile(r"/\d+(?=/|$)")


def positional(context: str) -> bool:
    """Return whether ``context`` names a place by its position in a list."""
    return _POSITION.search(context) is not None


def realigned(
    before: Mapping[str, str], after: Mapping[str, str], edited: Collection[str], open_places: Collection[str]
) -> list[tuple[str, str]]:
    """Pair edited texts with the places that took them, in the lists where both are.

    ``before`` and ``after`` are the English of the places, in the old catalog and in the content now.
    ``edited`` are old places whose English is gone and whose translation is free; ``open_places`` are new places
    that received no translation. A pair has the same shape (a paragraph for a paragraph, an item of a list for an
    item of a list) and sits where the diff of its list replaced the one by the other.
    """
    lists = {_owner(context) for context in edited} & {_owner(context) for context in open_places}
    old, new = _by_owner(before, lists), _by_owner(after, lists)
    pairs: list[tuple[str, str]] = []
    for owner in sorted(lists):
        was, now = old.get(owner, []), new.get(owner, [])
        lines = [(_shape(place), before[place]) for place in was], [(_shape(place), after[place]) for place in now]
        for old_start, old_end, new_start, new_end in _replaced(*lines):
            # In order, each old place with the next new one of its shape: the first replaced by the first.
            takers: dict[str, list[int]] = {}
            for index in range(new_start, new_end):
                takers.setdefault(lines[1][index][0], []).append(index)
            next_taker = new_start
            for index in range(old_start, old_end):
                of_shape = takers.get(lines[0][index][0], [])
                found = bisect_left(of_shape, next_taker)
                if found == len(of_shape):
                    continue
                taker = of_shape[found]
                if was[index] in edited and now[taker] in open_places:
                    pairs.append((was[index], now[taker]))
                next_taker = taker + 1
    return pairs


def common_ends(old: Sequence[Any], new: Sequence[Any]) -> tuple[int, int]:
    """How many items ``old`` and ``new`` share at their start, then at their end (never overlapping).

    >>> common_ends("abcxyz", "abXYz")
    (2, 1)
    """
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, tail


def _replaced(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> Iterator[tuple[int, int, int, int]]:
    """The spans of ``old`` that ``new`` replaces by others, as a diff finds them.

    The lines both start and end with are set aside first: a long list with one block inserted and one edited
    is compared on the few lines between them. (A text repeated in a long list is not taken as a landmark: the
    diff stays fast, and the blocks around it place it.)
    """
    head, tail = common_ends(old, new)
    matcher = SequenceMatcher(None, old[head : len(old) - tail], new[head : len(new) - tail])
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "replace":
            yield head + old_start, head + old_end, head + new_start, head + new_end


def _by_owner(texts: Iterable[str], owners: Collection[str]) -> dict[str, list[str]]:
    """The places of each list of ``owners``, in their order."""
    found: dict[str, list[str]] = {}
    for context in texts:
        position = _POSITION.search(context)
        if position is not None and (owner := context[: position.start()]) in owners:
            found.setdefault(owner, []).append(context)
    return {owner: sorted(places, key=_order) for owner, places in found.items()}


def _owner(context: str) -> str:
    """The place of the outermost list ``context`` is in: ``a/outcomes/x/body`` for ``a/outcomes/x/body/4/list/0``."""
    position = _POSITION.search(context)
    return context if position is None else context[: position.start()]


def _shape(context: str) -> str:
    """``context`` without its positions: ``…/body/#/list/#``."""
    return _POSITION.sub("/#", context)


def _order(context: str) -> tuple[tuple[int, int, str], ...]:
    """Sort places by position as numbers (``body/10`` after ``body/9``), the other parts by name."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in context.split("/"))
