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

from collections.abc import Collection, Iterable, Mapping
from difflib import SequenceMatcher


def positional(context: str) -> bool:
    """Return whether ``context`` names a place by its position in a list (an id never starts with a digit)."""
    return any(part.isdigit() for part in context.split("/"))


def realigned(
    before: Mapping[str, str], after: Mapping[str, str], edited: Collection[str], open_places: Collection[str]
) -> list[tuple[str, str]]:
    """Pair edited texts with the places that took them, in the lists where both are.

    ``before`` and ``after`` are the English of every place named by a position, in the old catalog and in the
    content now. ``edited`` are old places whose English is gone and whose translation is free; ``open_places`` are
    new places that received no translation. A pair has the same shape (a paragraph for a paragraph, an item of
    a list for an item of a list) and sits where the diff of its list replaced the one by the other.
    """
    lists = {_owner(context) for context in edited} & {_owner(context) for context in open_places}
    old = _by_owner(before, lists)
    new = _by_owner(after, lists)
    pairs: list[tuple[str, str]] = []
    for owner in sorted(lists):
        was, now = old.get(owner, []), new.get(owner, [])
        matcher = SequenceMatcher(
            None,
            [(_shape(place), before[place]) for place in was],
            [(_shape(place), after[place]) for place in now],
            autojunk=False,  # a text repeated in a long list is a text, not noise
        )
        for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
            if tag != "replace":
                continue
            # In order, each old place with the next new one of its shape: the first replaced by the first.
            takers = now[new_start:new_end]
            for place in was[old_start:old_end]:
                index = next((i for i, taker in enumerate(takers) if _shape(taker) == _shape(place)), None)
                if index is None:
                    continue
                if place in edited and takers[index] in open_places:
                    pairs.append((place, takers[index]))
                takers = takers[index + 1 :]
    return pairs


def _by_owner(texts: Iterable[str], owners: Collection[str]) -> dict[str, list[str]]:
    """The places of each list of ``owners``, in their order."""
    found: dict[str, list[str]] = {}
    for context in texts:
        if positional(context) and (owner := _owner(context)) in owners:
            found.setdefault(owner, []).append(context)
    return {owner: sorted(places, key=_order) for owner, places in found.items()}


def _owner(context: str) -> str:
    """The place of the outermost list ``context`` is in: ``a/outcomes/x/body`` for ``a/outcomes/x/body/4/list/0``."""
    parts = context.split("/")
    first = next((index for index, part in enumerate(parts) if part.isdigit()), len(parts))
    return "/".join(parts[:first])


def _shape(context: str) -> str:
    """``context`` without its positions: ``…/body/#/list/#``."""
    return "/".join("#" if part.isdigit() else part for part in context.split("/"))


def _order(context: str) -> tuple[tuple[int, int, str], ...]:
    """Sort places by position as numbers (``body/10`` after ``body/9``), the other parts by name."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in context.split("/"))
