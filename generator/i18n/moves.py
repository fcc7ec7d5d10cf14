"""Translations that follow their English text to a new place.

A message's context is its place in the YAML (see :mod:`generator.i18n.messages`), so renaming an id or
moving a text gives it a new context. Its translation is not lost: a context that vanished (an entry whose
text is gone, or an obsolete ``#~`` entry) hands its translation to a new context with the very same
English, when that is unambiguous. A context that still exists keeps its own translation, and English that
differs by a letter never matches: a changed text is stale, as always.

Texts that count something move as a group: ``interface/units/day/{one,other}`` go to
``interface/units/business-day/{one,other}`` together, category by category, or not at all, so a
translation is never left with half its plural forms.

Example: the catalog has ``policy/questions/imei/text`` "What is the IMEI?" → "Wie lautet die IMEI?";
the YAML now names it ``phones/questions/imei/text``, still "What is the IMEI?". :func:`find_moves`
returns ``carried = {"phones/questions/imei/text": <the old entry>}``, and the old entry is retired for good.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message

from generator.i18n.messages import UNITS_CONTEXT, SourceMessage

#: The longest English quoted in a line about a text that was not carried.
_QUOTED = 60


@dataclass(frozen=True)
class Ambiguous:
    """One English text whose vanished places were translated differently: none is carried."""

    english: str
    #: The vanished contexts (or plural groups), each with its own translation.
    old: tuple[str, ...]
    #: The new contexts (or plural groups) that stay untranslated.
    new: tuple[str, ...]

    def describe(self) -> str:
        """Say which contexts these are and what the translator does, in one line."""
        english = self.english if len(self.english) <= _QUOTED else self.english[: _QUOTED - 1] + "…"
        return (
            f'"{english}" was translated differently at {_listed(self.old)}, so no translation followed it to '
            f"{_listed(self.new)}: translate {'it' if len(self.new) == 1 else 'them'} there (the earlier "
            "translations stay below as #~ entries, to copy from; delete those when done)"
        )


@dataclass(frozen=True)
class Moves:
    """The translations a catalog carries to new contexts."""

    #: Each new context, and the vanished entry whose translation (flags and translator comments too) it takes.
    carried: Mapping[str, Message]
    #: The vanished contexts whose translation moved: they are not kept as obsolete entries.
    moved_from: frozenset[str]
    ambiguous: tuple[Ambiguous, ...]

    def summary(self) -> str | None:
        """The line that says how many translations moved, or ``None`` when none did."""
        count = len(self.carried)
        if count == 0:
            return None
        if count == 1:
            return "1 translation followed its text to a new place"
        return f"{count} translations followed their text to a new place"


@dataclass(frozen=True)
class _Group:
    """Messages that move as one: a text, or the plural forms of a text with a count."""

    #: The context, or the plural group's stem (``interface/units/day``).
    name: str
    #: Each plural category's context; a text without a count has the one category "".
    contexts: Mapping[str, str]
    #: Each category's English.
    english: frozenset[tuple[str, str]]


def find_moves(catalog: Catalog, expected: Sequence[SourceMessage]) -> Moves:
    """Return which translations of ``catalog`` follow their English to a new context of ``expected``.

    ``expected`` are the locale's messages (:func:`~generator.i18n.messages.messages_for`). A new context is
    one the catalog has no translation for; a source is a translated context ``expected`` no longer has,
    current or obsolete. Each is matched on its whole English (every plural form of a group, category by
    category); when the sources of one English disagree, nothing is carried for it and it is reported.
    """
    entries: dict[str, Message] = {}
    for message in [*catalog, *catalog.obsolete.values()]:  # a current entry wins over an obsolete one
        if message.id and message.context:
            entries.setdefault(message.context, message)
    new = [
        group
        for group in _groups((source.context, source.text) for source in expected)
        if not any(_text(entries[context].string) for context in group.contexts.values() if context in entries)
    ]
    names = {_stem(source.context) for source in expected}
    old = [
        group
        for group in _groups((context, _text(entry.id)) for context, entry in entries.items())
        if group.name not in names and any(_text(entries[context].string) for context in group.contexts.values())
    ]
    old_by_english: dict[frozenset[tuple[str, str]], list[_Group]] = {}
    for group in old:
        old_by_english.setdefault(group.english, []).append(group)
    new_by_english: dict[frozenset[tuple[str, str]], list[_Group]] = {}
    for group in new:
        new_by_english.setdefault(group.english, []).append(group)

    carried: dict[str, Message] = {}
    moved_from: set[str] = set()
    ambiguous: list[Ambiguous] = []
    for english, targets in new_by_english.items():
        sources = old_by_english.get(english, [])
        versions = {
            tuple(_text(entries[context].string) for _, context in sorted(group.contexts.items())) for group in sources
        }
        if len(versions) > 1:
            shown = dict(english).get("other") or min(text for _, text in english)
            ambiguous.append(
                Ambiguous(shown, tuple(sorted(group.name for group in sources)), tuple(group.name for group in targets))
            )
            continue
        if not sources:
            continue
        # All say the same: take the one a translator confirmed most (fewest fuzzy forms), then the first by name.
        chosen = min(
            sources, key=lambda group: (sum(entries[context].fuzzy for context in group.contexts.values()), group.name)
        )
        for target in targets:
            for category, context in target.contexts.items():
                carried[context] = entries[chosen.contexts[category]]
        moved_from.update(context for group in sources for context in group.contexts.values())
    return Moves(carried, frozenset(moved_from), tuple(ambiguous))


def _groups(messages: Iterable[tuple[str, str]]) -> list[_Group]:
    """Group ``(context, English)`` pairs: the plural forms of one text together, every other text alone."""
    contexts: dict[str, dict[str, str]] = {}
    english: dict[str, set[tuple[str, str]]] = {}
    for context, text in messages:
        stem = _stem(context)
        category = context.rsplit("/", 1)[1] if stem != context else ""
        contexts.setdefault(stem, {})[category] = context
        english.setdefault(stem, set()).add((category, text))
    return [_Group(stem, contexts[stem], frozenset(english[stem])) for stem in contexts]


def _stem(context: str) -> str:
    """The plural group of ``context`` (``interface/units/day`` for ``interface/units/day/one``), else itself."""
    return context.rsplit("/", 1)[0] if context.startswith(UNITS_CONTEXT) else context


def _text(value: str | tuple[str, ...] | list[str] | None) -> str:
    """An entry's text; of a plural entry (``msgid_plural``, which the tool never writes), its first form."""
    if value is None or isinstance(value, str):
        return value or ""
    return value[0] if value else ""


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
