"""What kind of text a context names, and whether a new context is an old one renamed.

A translation that follows its English to a new context (:mod:`generator.i18n.moves`) is published as it was
when the new place is the old one under new ids: the same *kind* of text (the context with its ids and list
positions left out) in the same parent, renamed. It is marked fuzzy for review when the same English lands in
a text of another kind (an answer's words become an outcome's title, a question's hint), or in a parent that
existed before (another policy, another question): a word can need another translation there (French "Aucun"
or "Aucune" after another question).

>>> kind("warranty/questions/fault/answers/screen/text")
'POLICY/questions/*/answers/*/text'
>>> kind("warranty/outcomes/paid-repair/body/4/list/0")
'POLICY/outcomes/*/body/#/list/#'

A renamed id is one that the content no longer has and the catalog did not have, as ``diff`` finds a renamed id
(:func:`generator.helpcenter.compare.find_renames`: one id gone, one come, with the same words).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from generator.i18n.messages import HELP_CENTER_CONTEXT, INTERFACE_CONTEXT

#: The lists whose items are named by their ``id`` in a context (the policy's and help-center.yaml's schemas:
#: every list of objects that require an ``id``; a test holds the two together).
ID_LISTS = frozenset({"answers", "categories", "outcomes", "procedures", "questions", "rows", "scenarios", "steps"})
#: The first part of a context that is not a policy's id.
_FIXED_FIRST = frozenset({HELP_CENTER_CONTEXT, INTERFACE_CONTEXT})


def kind(context: str) -> str:
    """The kind of text ``context`` names: the policy's id as ``POLICY``, other ids as ``*``, positions as ``#``."""
    parts = context.split("/")
    shown = [parts[0] if parts[0] in _FIXED_FIRST else "POLICY"]
    for parent, part in pairwise(parts):
        shown.append("#" if part.isdigit() else "*" if parent in ID_LISTS else part)
    return "/".join(shown)


class Places:
    """The places (every context and every part of one) of the catalog before an update, and of the content now."""

    def __init__(self, before: Iterable[str], now: Iterable[str]) -> None:
        self._before = _with_parents(before)
        self._now = _with_parents(now)

    def renamed(self, old: str, new: str) -> bool:
        """Whether ``new`` is ``old``'s place under new ids: the same kind, and every id that differs renamed
        (gone from the content, new to the catalog). Positions may differ: blocks were inserted or removed."""
        if kind(old) != kind(new):
            return False
        was, now = old.split("/"), new.split("/")
        for index, (before, after) in enumerate(zip(was, now, strict=True)):
            if before == after or before.isdigit():
                continue
            if "/".join(was[: index + 1]) in self._now or "/".join(now[: index + 1]) in self._before:
                return False
        return True


def _with_parents(contexts: Iterable[str]) -> frozenset[str]:
    """Each context and each of its parents (``a/b/c``: ``a``, ``a/b`` and ``a/b/c``)."""
    found: set[str] = set()
    for context in contexts:
        parts = context.split("/")
        found.update("/".join(parts[: end + 1]) for end in range(len(parts)))
    return frozenset(found)
