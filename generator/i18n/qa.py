"""Translator QA: small slips in a current translation, reported as warnings at the entry's ``msgstr`` line.

These never change what a page means the way a dropped placeholder does (those are errors:
:func:`generator.i18n.catalogs.check_catalog`), so ``check`` prints them and still succeeds; ``check --strict``
(CI) fails on them. Each check compares a current translation (not fuzzy, not empty, made for today's English)
with its English:

* ``double-space``: two spaces in a row that the English does not have;
* ``end-stop``, ``end-question``, ``end-exclamation``, ``end-colon``, ``end-ellipsis``: the English ends with
  that mark and the translation with none, or the reverse. The space French puts before ``? ! :`` and the
  closing quotes or brackets after the mark are allowed; so are the marks of other scripts (``。？！``);
* ``names``: a name that stays the same in every language (``names:`` in locales.yaml) that the English has and
  the translation lacks;
* ``numbers``: a number of the English that the translation lacks, or one it adds. Placeholders and link
  targets are not read, and digit groups are compared without their separators: ``1,000``, ``1 000`` and
  ``1.000`` are one number.

The names are Weblate's checks (its ``end-stop`` is "Mismatched full stop"), and an entry is silenced for one
check the way Weblate does it, with a flag: ``#, ignore-end-stop`` (:func:`silenced`).

>>> [finding.check for finding in findings("Is it on?", "Est-il allumé\\u00a0?", ())]
[]
>>> [finding.check for finding in findings("Send it within 2 days.", "Envoyez-le  sous 3 jours", ())]
['double-space', 'end-stop', 'numbers', 'numbers']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from generator.content import inline
from generator.content.diagnostics import Diagnostic, Position, display_path
from generator.i18n.messages import SourceMessage
from generator.i18n.plural_entries import forms_of

#: The flag that silences a check for one entry: ``ignore-`` and the check's name, as in Weblate.
IGNORE_PREFIX = "ignore-"

#: ``ignore-end-stop`` in a translator comment.
_IGNORE_WORD = re.compile(rf"(?<![\w-]){IGNORE_PREFIX}([a-z]+(?:-[a-z]+)*)")

#: Each final mark, and the check (Weblate's name) that compares it.
_END_CHECKS = {
    ".": "end-stop",
    "。": "end-stop",
    "?": "end-question",
    "？": "end-question",
    ";": "end-question",  # the Greek question mark
    "!": "end-exclamation",
    "！": "end-exclamation",
    ":": "end-colon",
    "：": "end-colon",
    "…": "end-ellipsis",
}
#: What may follow the final mark: spaces, line ends, closing quotes and brackets.
_AFTER_THE_MARK = " \t\n\r\u00a0\u202f\"'”’»›)]}"
#: Two or more spaces in a row (a no-break space counts: French writes one before ``?``).
_DOUBLE_SPACE = re.compile("[ \u00a0\u202f]{2,}")
#: A number: digits, with groups of three after a separator (``1,000``, ``1 000``), and a decimal part.
_NUMBER = re.compile(r"\d+(?:[,.'\u00a0\u202f ]\d{3}(?!\d))*(?:[.,]\d+)?")


@dataclass(frozen=True)
class Finding:
    """One slip in a translation: which check found it, and what to do, in a translator's words."""

    check: str
    message: str


def findings(english: str, translation: str, names: Collection[str]) -> list[Finding]:
    """Return every slip in ``translation`` of ``english``; ``names`` stay the same in every language."""
    return [
        *_double_space(english, translation),
        *_end(english, translation),
        *_names(english, translation, names),
        *_numbers(english, translation),
    ]


def qa_warnings(
    catalog: Catalog,
    expected: Collection[SourceMessage],
    names: Collection[str],
    path: Path,
    categories: Sequence[str] = ("one", "other"),
) -> list[Diagnostic]:
    """Return the warnings of every current translation of ``catalog``, at its ``msgstr`` line.

    ``expected``: the messages the catalog translates (:attr:`~generator.i18n.catalogs.Translations.expected`).
    ``categories``: the CLDR plural category of each ``msgstr[n]`` of a text with a count, whose forms are each
    compared with the English of their category (``one`` with the singular, any other with the plural).
    """
    sources: Mapping[str, SourceMessage] = {source.context: source for source in expected}
    shown = display_path(path)
    warnings = []
    for entry in catalog:
        source = sources.get(str(entry.context)) if entry.id else None
        forms = forms_of(entry.string)
        if source is None or forms_of(entry.id) != forms_of(source.msgid) or entry.fuzzy or not all(forms):
            continue  # not published: stale, missing, or no longer in the content
        if source.plural is None:
            translations = [("", forms[0])]
        else:
            translations = [(f"msgstr[{index}]: ", form) for index, form in enumerate(forms)]
        ignored = silenced(entry)
        warnings += [
            Diagnostic(
                Position(shown, entry.lineno or 0, 1),
                f"{entry.context}: {which}{finding.message} (if the translation is right, mark the entry "
                f"#, {IGNORE_PREFIX}{finding.check})",
                severity="warning",
            )
            for index, (which, translation) in enumerate(translations)
            for finding in findings(
                source.english(categories[index] if index < len(categories) else ""), translation, names
            )
            if finding.check not in ignored
        ]
    return warnings


def silenced(entry: Message) -> set[str]:
    """The checks silenced for ``entry``: by a flag (``#, ignore-end-stop``, as Weblate writes it) or by a
    translator comment that says the same (``# ignore-end-stop``), which GNU msgmerge and msgcat keep too."""
    flags = {flag.removeprefix(IGNORE_PREFIX) for flag in entry.flags if flag.startswith(IGNORE_PREFIX)}
    said = {found for comment in entry.user_comments for found in _IGNORE_WORD.findall(comment)}
    return flags | said


def _double_space(english: str, translation: str) -> Iterator[Finding]:
    found = _DOUBLE_SPACE.search(translation)
    if found is not None and not _DOUBLE_SPACE.search(english):
        before = translation[max(0, found.start() - 20) : found.start()].lstrip()
        yield Finding("double-space", f"the translation has two spaces in a row, after '{before}': write one")


def _end(english: str, translation: str) -> Iterator[Finding]:
    said, written = _final_mark(english), _final_mark(translation)
    if said and not written:
        yield Finding(_END_CHECKS[said], f"the English ends with '{said}' and the translation with no such mark")
    elif written and not said:
        yield Finding(_END_CHECKS[written], f"the translation ends with '{written}', which the English does not")


def _final_mark(text: str) -> str:
    """The mark ``text`` ends with (``…`` for three dots), or ``""``."""
    end = text.rstrip(_AFTER_THE_MARK)
    if end.endswith("..."):
        return "…"
    return end[-1] if end and end[-1] in _END_CHECKS else ""


def _names(english: str, translation: str, names: Collection[str]) -> Iterator[Finding]:
    for name in names:
        if _has_name(english, name) and not _has_name(translation, name):
            yield Finding(
                "names",
                f"the translation lacks the name '{name}', which stays the same in every language "
                "(names: in locales.yaml): write it as the English does",
            )


def _has_name(text: str, name: str) -> bool:
    spaced = r"\s+".join(re.escape(word) for word in name.split())  # French writes Back\u00a0Market too
    return re.search(rf"(?<!\w){spaced}", inline.PLACEHOLDER.sub("", text)) is not None


def _numbers(english: str, translation: str) -> Iterator[Finding]:
    said, written = _numbers_in(english), _numbers_in(translation)
    for number in sorted((said - written).elements()):
        yield Finding("numbers", f"the translation lacks the number {number} of the English")
    for number in sorted((written - said).elements()):
        yield Finding("numbers", f"the translation has the number {number}, which the English does not")


def _numbers_in(text: str) -> Counter[str]:
    """The numbers of ``text`` as digits alone (``1 000`` and ``1,000`` are ``1000``), placeholders left out."""
    words = inline.ANY_LINK.sub("]", inline.PLACEHOLDER.sub(" ", text))  # placeholders and link targets aside
    return Counter(re.sub(r"\D", "", found.group()) for found in _NUMBER.finditer(words))
