"""Translations that follow their English text to a new place.

A message's context is its place in the YAML (see :mod:`generator.i18n.messages`): named by ids, and by list
positions where a list has none, as the blocks of a body (``warranty/outcomes/paid-repair/body/1``) and the items
of a list in one (``…/body/4/list/0``). Renaming an id, moving a text, or inserting, removing or reordering blocks
gives a text a new context, and its translation follows its very same English there:

* a place that still holds its English keeps its translation;
* every other translated place of the catalog (gone, obsolete ``#~``, or holding other English now) is a *source*
  of its English, and every place whose English has no translation there is a *target*;
* a target takes the translation of the sources of its English when they all agree, counting with them the list
  positions that still hold that English (after an insert, one of them may hold another text of that English).
  When they disagree, nothing is carried, the command says so, and they stay as ``#~`` entries to copy from;
* an edited text is stale, with its earlier translation as ever: at its own place, or, in a list whose blocks
  moved, at the place that a comparison of the old list with the new one gives it (:mod:`generator.i18n.shifts`).

English that differs by a letter is never carried as a translation; only a stale one (never published) is matched
by place. A text that counts something is one plural entry (``interface/units/day``), matched by all its English
forms and carried with all its translated forms. (Catalogs had one entry per plural category,
``interface/units/day/one``; :func:`~generator.i18n.plural_entries.in_our_layout` reads them as one entry.)

Example: a paragraph is inserted at the top of a body of three. ``body/0`` to ``body/2`` now hold other English,
and ``body/3`` is new. :func:`find_moves` carries the translation of the old ``body/0`` to ``body/1``, of
``body/1`` to ``body/2`` and of ``body/2`` to ``body/3``, and gives ``body/0``, the new paragraph, none
(``vacated``): nothing is stale, and one text is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from babel.messages.catalog import Catalog, Message

from generator.i18n.messages import UNITS_CONTEXT, SourceMessage
from generator.i18n.places import Places
from generator.i18n.shifts import positional, realigned

#: The longest English quoted in a line about a text that was not carried.
_QUOTED = 60


@dataclass(frozen=True)
class Ambiguous:
    """One English text whose old places were translated differently: none is carried."""

    english: str
    #: The old contexts (or plural groups), each with its own translation.
    old: tuple[str, ...]
    #: The new contexts (or plural groups) that stay untranslated.
    new: tuple[str, ...]

    def describe(self) -> str:
        """Say which contexts these are and what the translator does, in one line."""
        english = self.english.replace(_FORMS, " / ")
        english = english if len(english) <= _QUOTED else english[: _QUOTED - 1] + "…"
        return (
            f'"{english}" was translated differently at {_listed(self.old)}, so no translation followed it to '
            f"{_listed(self.new)}: translate {'it' if len(self.new) == 1 else 'them'} there (the earlier "
            "translations stay below as #~ entries, to copy from; delete those when done)"
        )


@dataclass(frozen=True)
class Moves:
    """The translations a catalog carries to new contexts."""

    #: Each new context, and the old entry of the same English whose translation (flags and translator comments
    #: too) it takes.
    carried: Mapping[str, Message]
    #: The old entries, as (context, English), whose translation went to another place: not kept as ``#~``.
    moved: frozenset[tuple[str, str]]
    ambiguous: tuple[Ambiguous, ...]
    #: Each new context that takes, as a stale translation, that of the text its English replaced at another
    #: place (an edited block of a list whose blocks moved).
    stale: Mapping[str, Message] = field(default_factory=dict)
    #: The new contexts whose old entry is no longer theirs (its text moved away, or is left to the translator
    #: with the other translations of its English): they start untranslated.
    vacated: frozenset[str] = frozenset()
    #: The contexts of :attr:`carried` that are no old place renamed (another kind of text, another parent:
    #: :mod:`generator.i18n.places`): their translation is marked fuzzy, for a translator to check it fits.
    review: frozenset[str] = frozenset()

    def summary(self) -> str | None:
        """The line that says how many translations moved, or ``None`` when none did."""
        count = len(self.carried)
        if count == 0:
            return None
        said = (
            "1 translation followed its text to a new place"
            if count == 1
            else f"{count} translations followed their text to a new place"
        )
        if self.review:
            said += (
                f"; {len(self.review)} marked fuzzy for review, as the same English now has another role "
                "(another kind of text, or another question, outcome or policy)"
            )
        return said


@dataclass(frozen=True)
class _Group:
    """Messages that move as one: a text, or the plural forms of a text with a count."""

    #: The context, or the plural group's stem (``interface/units/day``).
    name: str
    #: Each plural category's context; a text without a count has the one category "".
    contexts: Mapping[str, str]
    #: Each category's English.
    english: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class _Old:
    """A place of the catalog before the update: a text, or the plural forms of a text."""

    name: str
    #: Each plural category's entry; a text without a count has the one category "".
    entries: Mapping[str, Message]
    english: frozenset[tuple[str, str]]
    #: A current entry of the catalog (not ``#~``), and the first of its context.
    current: bool

    @cached_property
    def translation(self) -> tuple[str, ...]:
        return tuple(_text(self.entries[category].string) for category in sorted(self.entries))

    @cached_property
    def keys(self) -> frozenset[tuple[str, str]]:
        return frozenset(key(entry) for entry in self.entries.values())


@dataclass(frozen=True)
class _Before:
    """The places of the catalog before the update."""

    #: Each context's entry: its current one, else its first ``#~`` one.
    visible: Mapping[str, Message]
    #: The contexts of the current entries.
    current: frozenset[str]
    #: The translated texts (or plural groups) of :attr:`visible`, by context (or stem).
    at: Mapping[str, _Old]
    #: The other entries of a context (``#~`` ones), each a text of its own.
    shadowed: tuple[_Old, ...]

    @classmethod
    def of(cls, catalog: Catalog) -> _Before:
        current = frozenset(str(message.context) for message in catalog if message.id and message.context)
        visible: dict[str, Message] = {}
        shadowed: list[_Old] = []
        for message in [*catalog, *catalog.obsolete.values()]:
            if not (message.id and message.context):
                continue
            if message.context in visible:
                shadowed.append(_Old(message.context, {"": message}, frozenset({("", _text(message.id))}), False))
            else:
                visible[message.context] = message
        placed = [
            _Old(
                group.name,
                {category: visible[context] for category, context in group.contexts.items()},
                group.english,
                all(context in current for context in group.contexts.values()),
            )
            for group in _groups((context, _text(entry.id)) for context, entry in visible.items())
        ]
        at = {old.name: old for old in placed if any(old.translation)}
        return cls(visible, current, at, tuple(shadowed))


def key(entry: Message) -> tuple[str, str]:
    """Name an entry of a catalog: its context and its English (``#~`` entries may share a context)."""
    return entry.context or "", _text(entry.id)


def find_moves(catalog: Catalog, expected: Sequence[SourceMessage]) -> Moves:
    """Return which translations of ``catalog`` follow their English to a new context of ``expected``.

    ``expected`` are the locale's messages (:func:`~generator.i18n.messages.messages_for`). Each English is matched
    whole (every plural form of a group, category by category); when the places it comes from disagree, nothing is
    carried for it and it is reported.
    """
    before = _Before.of(catalog)
    new = _groups((source.context, _text(source.msgid)) for source in expected)
    # A place that still holds its English keeps its translation and is no source; a list position that does is
    # counted with the sources of its English (its text may be another of that English, moved there).
    holders = {
        group.name for group in new if group.name in before.at and before.at[group.name].english == group.english
    }
    targets = [group for group in new if group.name not in holders]
    sources = _olds_by_english(
        old
        for old in [*(old for name, old in before.at.items() if name not in holders), *before.shadowed]
        if any(old.translation)
    )
    holding = _olds_by_english(before.at[name] for name in sorted(holders) if positional(name))

    places = Places(before.current, (source.context for source in expected))
    carried: dict[str, Message] = {}
    review: set[str] = set()
    moved: set[tuple[str, str]] = set()
    ambiguous: list[Ambiguous] = []
    undecided: set[str] = set()  # new places whose English was translated differently
    withheld: set[tuple[str, str]] = set()  # those translations: kept as #~ for the translator
    for english, found in _groups_by_english(targets).items():
        origins = sources.get(english, [])
        if not origins:
            continue
        counted = [*origins, *holding.get(english, [])]
        if len({old.translation for old in counted}) > 1:
            shown = dict(english).get("other") or min(text for _, text in english)
            names = tuple(sorted({old.name for old in counted}))
            ambiguous.append(Ambiguous(shown, names, tuple(group.name for group in found)))
            undecided.update(context for group in found for context in group.contexts.values())
            withheld.update(entry for old in origins for entry in old.keys)
            continue
        # All say the same: take the one a translator confirmed most (fewest fuzzy forms), then the first by name.
        chosen = min(origins, key=lambda old: (sum(entry.fuzzy for entry in old.entries.values()), old.name))
        for group in found:
            for category, context in group.contexts.items():
                carried[context] = chosen.entries[category]
            if not any(places.renamed(old.name, group.name) for old in origins):
                # A stale one stays stale with the English it was made for; only a current one is marked.
                review.update(
                    context for category, context in group.contexts.items() if not chosen.entries[category].fuzzy
                )
        moved.update(entry for old in origins for entry in old.keys)

    open_places = {
        context
        for group in targets
        for context in group.contexts.values()
        if context not in carried and context not in undecided
    }
    stale = _stale(before, holders, moved | withheld, open_places, expected)
    moved.update(key(entry) for entry in stale.values())
    taken = moved | withheld
    vacated = {
        context
        for context in open_places - stale.keys()
        if context in before.visible and key(before.visible[context]) in taken
    }
    return Moves(carried, frozenset(moved), tuple(ambiguous), stale, frozenset(vacated | undecided), frozenset(review))


def _stale(
    before: _Before,
    holders: set[str],
    taken: set[tuple[str, str]],
    open_places: set[str],
    expected: Sequence[SourceMessage],
) -> dict[str, Message]:
    """Give each text edited in a list whose blocks moved its earlier translation, at the place it went to."""
    edited = {
        old.name: old.entries[""]
        for old in before.at.values()
        if old.current and old.name not in holders and positional(old.name) and "" in old.entries
        if not old.keys & taken
    }
    if not edited or not open_places:
        return {}
    english = {context: _text(entry.id) for context, entry in before.visible.items() if context in before.current}
    now = {source.context: source.text for source in expected}
    return {
        new_place: edited[old_place]
        for old_place, new_place in realigned(english, now, edited, open_places)
        if old_place != new_place  # at its own place, it is stale as any edited text is
    }


def _olds_by_english(olds: Iterable[_Old]) -> dict[frozenset[tuple[str, str]], list[_Old]]:
    found: dict[frozenset[tuple[str, str]], list[_Old]] = {}
    for old in olds:
        found.setdefault(old.english, []).append(old)
    return found


def _groups_by_english(groups: Iterable[_Group]) -> dict[frozenset[tuple[str, str]], list[_Group]]:
    found: dict[frozenset[tuple[str, str]], list[_Group]] = {}
    for group in groups:
        found.setdefault(group.english, []).append(group)
    return found


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
    return context.rsplit("/", 1)[0] if context.startswith(UNITS_CONTEXT) and context.count("/") == 3 else context


def _text(value: str | tuple[str, ...] | list[str] | None) -> str:
    """An entry's text; of a plural entry (``msgid_plural``), its forms, each after the other: the same text is
    the same forms."""
    if value is None or isinstance(value, str):
        return value or ""
    return _FORMS.join(value) if any(value) else ""  # an untranslated plural entry is untranslated


#: What :func:`_text` puts between the forms of a plural entry: no text holds it.
_FORMS = "\x00"


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
