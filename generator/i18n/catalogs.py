"""Translation catalogs: gettext PO files, one per locale, read and written with Babel.

``content/locales/messages.pot`` is the template of every English text;
``content/locales/<tag>.po`` holds one locale's translations. Entries are keyed
by their stable context (see :mod:`generator.i18n.messages`), so:

* a translation whose English changed is **stale**: :func:`update_catalog`
  marks it fuzzy and keeps the previous English beside it, and the build never
  publishes it as current (it also compares the English itself, so a catalog
  that was not updated cannot slip through);
* a fuzzy, empty or absent translation falls back to English, with a notice.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, generate_po, normalize, read_po, unescape

from generator.content import characters, inline
from generator.content.diagnostics import ContentError, Diagnostic, Position, display_path
from generator.content.load import MAX_FILE_BYTES, read_text
from generator.content.locales import SiteLocale
from generator.content.transaction import Planned
from generator.i18n.messages import SourceMessage, messages_for
from generator.i18n.moves import Moves, find_moves, key
from generator.i18n.plural_entries import (
    empty_forms,
    extra_forms,
    forms_of,
    header_problems,
    in_our_layout,
    is_plural,
    translated_forms,
)
from generator.i18n.plural_rules import plural_forms
from generator.i18n.qa import IGNORE_PREFIX

TEMPLATE_FILE = "messages.pot"
PROJECT = "Policy help center"


#: The largest catalog read or written. A catalog holds every text of policy.yaml and interface.yaml (each
#: up to :data:`~generator.content.load.MAX_FILE_BYTES`) with its context, a note and a location: about 2.5
#: times their size, 3 once translated. Writing checks it too, so the tool never writes a catalog that
#: ``check`` then refuses.
MAX_CATALOG_BYTES = 4 * MAX_FILE_BYTES


def catalog_path(locales_dir: Path, locale: SiteLocale) -> Path:
    return locales_dir / f"{locale.tag}.po"


#: The last sound catalog read from each file, with its text: the preview reads them again after every edit
#: of the policy, and a catalog is never changed once read (:func:`update_catalog` makes a new one).
_last_read: dict[Path, tuple[str, Catalog]] = {}
#: How many files ``_last_read`` remembers (a help center's locales; the oldest is forgotten first).
LAST_READ_FILES = 16


def read_catalog(path: Path) -> tuple[Catalog | None, list[Diagnostic]]:
    """Read a PO file; return it, or ``None`` and why it could not be read."""
    text, problems = read_text(path, MAX_CATALOG_BYTES)
    if text is None:
        return None, problems
    if (known := _last_read.get(path.resolve())) is not None and known[0] == text:
        return known[1], []
    refused = [
        Diagnostic(Position(display_path(path), line, column), characters.problem(character))
        for line, column, character in characters.in_catalog(text)
    ]
    if refused:
        return None, refused
    malformed = _malformed_line(text)
    if malformed is not None:
        line, column, message = malformed
        return None, [Diagnostic(Position(display_path(path), line, column), f"invalid catalog: {message}")]
    repeated = [
        Diagnostic(
            Position(display_path(path), line, 1),
            f"this message is in the catalog twice (first at line {first}): Babel and msgfmt keep only one, "
            "so delete the entry whose translation is not the one you want",
        )
        for line, first in _repeated_entries(text)
    ]
    if repeated:
        return None, repeated
    extra = extra_forms(text, display_path(path))
    if extra:
        return None, extra
    try:
        # The previous English of an obsolete entry (``#~| msgid``, as msgmerge writes it) is read as that of a
        # current one, a ``#|`` comment: Babel's reader takes ``#~`` lines for message lines.
        readable = _OBSOLETE_PREVIOUS.sub("#|", text)
        catalog = _point_at_msgstr(_restore_previous(read_po(io.StringIO(readable), abort_invalid=True)), text)
    except PoFileError as error:
        # Babel counts lines from 0, and adds " on <that number>" to its message.
        message = str(error).removesuffix(f" on {error.lineno}")
        return None, [Diagnostic(Position(display_path(path), error.lineno + 1, 1), f"invalid catalog: {message}")]
    except ValueError as error:
        return None, [Diagnostic(Position(display_path(path)), f"cannot read the catalog ({error})")]
    _last_read[path.resolve()] = (text, catalog)
    while len(_last_read) > LAST_READ_FILES:
        del _last_read[next(iter(_last_read))]
    return catalog, []


#: A line of a PO file: blank, a comment, or an optional keyword and one whole "quoted text" (Babel's
#: reader takes a string's first and last characters for quotes without looking, so it would silently
#: cut a letter off a translation that lacks one).
_PO_LINE = re.compile(
    r'#(?!~).*|#~\|.*|(?:#~\s*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+])?) +)?(?:"(?:[^"\\]|\\.)*")?'
)


_OBSOLETE_PREVIOUS = re.compile(r"^#~\|", re.M)

#: A quoted text on one line, and a line :data:`_PO_LINE` takes (spaces and tabs around it), never more.
_QUOTED_ON_ITS_LINE = r'"(?:[^"\\\n]|\\[^\n])*"'
_SOUND_LINE = (
    r"(?>[ \t]*(?:#(?!~)[^\n]*|#~\|[^\n]*|(?:#~[ \t]*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+])?) +"
    + _QUOTED_ON_ITS_LINE
    + "|"
    + _QUOTED_ON_ITS_LINE
    + r")?)[ \t]*)"
)
#: A file every line of which :data:`_PO_LINE` takes, at C speed: each line is matched once (the atomic groups
#: never go back into a line), so a file this does not take costs no more than one that it does.
_SOUND_FILE = re.compile(f"{_SOUND_LINE}(?:\n{_SOUND_LINE})*+")


def _malformed_line(text: str) -> tuple[int, int, str] | None:
    """Return the line, column and fix of the first line of ``text`` that is not PO syntax, or ``None``."""
    if _SOUND_FILE.fullmatch(text):  # nearly every catalog: no line to look at one by one
        return None
    for number, line in enumerate(text.split("\n"), 1):
        if not _PO_LINE.fullmatch(line.strip()):
            column, problem = _what_is_wrong(line)
            return number, column, problem
    return None


#: What may come before a line's quoted text: an obsolete mark and a keyword.
_PO_LINE_START = re.compile(r"(?:#~\s*)?(?:(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+])?)(?: +|$))?")


def _what_is_wrong(line: str) -> tuple[int, str]:
    """Say where ``line``, which is not PO syntax, goes wrong, and how to mend it: a column and a message."""
    indent = len(line) - len(line.lstrip())
    start = _PO_LINE_START.match(line.strip())
    assert start is not None  # every part of the pattern is optional
    rest, column = line.strip()[start.end() :], indent + start.end() + 1
    if rest.startswith('"'):
        end = next((index for index in _unescaped_quotes(rest) if index > 0), None)
        if end is None:
            return column, 'this text has no closing ": end it with " on the same line'
        return column + end, 'a " inside a text ends it: write \\" (add a backslash before it) to keep it in the text'
    if start[1]:
        return column, f'a text must be in straight double quotes: {start[1]} "…"'
    return indent + 1, 'neither a # comment nor a "quoted text" (after msgctxt, msgid or msgstr)'


def _unescaped_quotes(text: str) -> list[int]:
    """The positions of the double quotes in ``text`` that no backslash escapes."""
    found: list[int] = []
    escaped = False
    for index, character in enumerate(text):
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == '"':
            found.append(index)
    return found


_PO_KEYWORD = re.compile(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+])?) +(".*")')


def _repeated_entries(text: str) -> list[tuple[int, int]]:
    """Return the ``msgstr`` line of each entry whose context and English an earlier entry has, and that one's."""
    seen: dict[tuple[str, str], int] = {}
    repeated = []
    entry: dict[str, str] = {}
    keyword = ""
    for number, line in enumerate(text.split("\n"), 1):
        line = line.strip()
        found = _PO_KEYWORD.fullmatch(line)
        if found:
            keyword = found[1]
            if keyword == "msgctxt" or (keyword == "msgid" and "msgid" in entry):
                entry = {}
            entry[keyword] = found[2]
            if keyword in ("msgstr", "msgstr[0]") and "msgid" in entry:
                key = (entry.get("msgctxt", ""), entry["msgid"])
                if key in seen:
                    repeated.append((number, seen[key]))
                else:
                    seen[key] = number
                entry = {"done": ""}
        elif line.startswith('"') and keyword in entry:
            entry[keyword] += line
    return repeated


def _point_at_msgstr(catalog: Catalog, text: str) -> Catalog:
    """Make each entry's line that of its ``msgstr``: what a translator fixes (Babel gives the ``msgid``'s)."""
    lines = text.split("\n")
    for message in catalog:
        if message.lineno:
            message.lineno = next(
                (number for number in range(message.lineno, len(lines) + 1) if lines[number - 1].startswith("msgstr")),
                message.lineno,
            )
    return catalog


def _restore_previous(catalog: Catalog) -> Catalog:
    """Read back the previous English (``#| msgid``) that Babel's reader leaves as comments.

    The ``#|`` lines hold PO strings, one or more (``#| msgid ""`` then ``#| "line\\n"``, as msgcat
    writes them); an older catalog may have one string cut over several lines at spaces.
    """
    for message in [*catalog, *catalog.obsolete.values()]:
        previous = [comment[1:].strip() for comment in message.user_comments if comment.startswith("|")]
        if not previous:
            continue
        message.user_comments = [comment for comment in message.user_comments if not comment.startswith("|")]
        fields: dict[str, str] = {}
        keyword = ""
        for token in _PREVIOUS_TOKEN.finditer(" ".join(previous)):
            if token["keyword"]:
                keyword = token["keyword"]
                fields.setdefault(keyword, "")
            elif keyword:
                fields[keyword] += unescape(token["string"])
        if "msgid" in fields:
            message.previous_id = [fields["msgid"], *([fields["msgid_plural"]] if "msgid_plural" in fields else [])]
    return catalog


#: A keyword or a "quoted string" of a ``#|`` line.
_PREVIOUS_TOKEN = re.compile(r'(?P<keyword>msgctxt|msgid_plural|msgid)\b|(?P<string>"(?:[^"\\]|\\.)*")')


def catalog_text(catalog: Catalog) -> str:
    """Return ``catalog`` as a PO file that GNU gettext (msgfmt, msgcat) and :func:`read_catalog` read back.

    Texts are not wrapped; the previous English of a stale entry is written as msgcat writes it, a
    whole PO string per ``#|`` line (Babel wraps that comment as prose, cutting it inside its quotes).
    Locations have no line numbers: the context names the message, and an edit elsewhere in the YAML
    must not rewrite every catalog.
    """
    messages = list(catalog)
    obsolete = list(catalog.obsolete.values())
    parts: list[str] = []
    index, started = 0, False
    for part in generate_po(catalog, width=0, include_previous=False, include_lineno=False):
        if part == "\n":  # the blank line after each entry
            index, started = index + 1, False
        elif not started and part.startswith(("msgctxt ", "msgid ")) and index < len(messages):
            started = True
            parts += _previous_lines(messages[index], "#| ")
        elif not started and part.startswith(("#~ msgctxt ", "#~ msgid ")) and index >= len(messages):
            # Babel writes neither the flags nor the previous English of an obsolete entry: a stale
            # translation retired would come back looking current.
            started = True
            retired = obsolete[index - len(messages)]
            parts += ["#, fuzzy\n"] if retired.fuzzy else []
            parts += _previous_lines(retired, "#~| ")
        parts.append(part)
    return "".join(parts)


def _previous_lines(message: Message, prefix: str) -> list[str]:
    if not message.previous_id:
        return []
    keywords = ["msgid", "msgid_plural"]
    return [
        f"{prefix}{keyword} {normalize(text, prefix=prefix, width=0)}\n"
        for keyword, text in zip(keywords, message.previous_id[:2], strict=False)
    ]


def planned_catalog(catalog: Catalog, path: Path) -> Planned | None:
    """Return the write of ``catalog`` to ``path``, read back before it is put in place; ``None`` when only
    its dates would change. Raise :class:`ContentError` if it would be over :data:`MAX_CATALOG_BYTES`."""
    text = catalog_text(catalog)
    size = len(text.encode("utf-8"))
    if size > MAX_CATALOG_BYTES:
        count = sum(1 for message in catalog if message.id)
        problem = (
            f"the catalog would be {-(-size // 1024)} KiB, over the {MAX_CATALOG_BYTES // 1024} KiB a catalog may "
            f"have ({count} texts to translate): nothing was written; make policy.yaml and interface.yaml smaller"
        )
        raise ContentError([Diagnostic(Position(display_path(path)), problem)])
    try:
        if path.is_file() and _without_dates(path.read_text(encoding="utf-8")) == _without_dates(text):
            return None
    except (OSError, UnicodeError):
        pass  # written anew; the write says what is wrong with the file
    return Planned(path, text, lambda staged: _reads_back(catalog, staged))


def _reads_back(catalog: Catalog, staged: Path) -> list[Diagnostic]:
    """Read the staged catalog back as ``check`` will: it must parse and hold exactly what was written."""
    found, problems = read_catalog(staged)
    if found is None:
        return problems
    if _entries(found) != _entries(catalog):
        return [Diagnostic(Position(display_path(staged)), "its entries read back changed: please report this bug")]
    return []


def _entries(catalog: Catalog) -> list[tuple[object, ...]]:
    current = [
        (message.context, message.id, message.string, message.fuzzy, list(message.previous_id or []))
        for message in catalog
        if message.id
    ]
    retired = [
        (message.context, message.id, message.string, message.fuzzy, list(message.previous_id or []))
        for message in catalog.obsolete.values()
    ]
    return [*current, *retired]


def _without_dates(text: str) -> str:
    return re.sub(r'^"(POT-Creation-Date|PO-Revision-Date): .*$', "", text, flags=re.M)


def make_template(messages: Iterable[SourceMessage]) -> Catalog:
    """Return the template (POT) of ``messages``."""
    catalog = _new_catalog(None)
    for message in messages:
        _add(catalog, message, "")
    return catalog


def new_catalog(messages: list[SourceMessage], locale: SiteLocale) -> Catalog:
    """Return an empty catalog for ``locale``."""
    return update_catalog(_new_catalog(locale), messages, locale)


def update_catalog(
    catalog: Catalog, messages: list[SourceMessage], locale: SiteLocale, moves: Moves | None = None
) -> Catalog:
    """Merge the current English into ``catalog``: keep, mark stale, add and retire entries.

    Matching is by context and identical English, never by similar-looking
    English: a changed sentence keeps its old translation, marked fuzzy with the
    previous English, so a translator sees exactly what changed (a dropped "not"
    included). An entry whose text is gone is kept as obsolete (``#~``), and
    comes back, marked fuzzy for review, when its context does: no translation
    is lost. A translation whose English moved to a new context follows it
    there, the place it left starts untranslated, and a text edited in a list
    whose blocks moved is stale where the diff of the list puts it (``moves``,
    by default :func:`~generator.i18n.moves.find_moves`).
    Translator comments stay with their translation.
    """
    expected = messages_for(messages, locale)
    catalog = in_our_layout(catalog, locale)  # a catalog with a form per entry, as they were, is read the same
    moves = moves if moves is not None else find_moves(catalog, expected)
    merged = _new_catalog(locale, catalog)
    old: dict[str | None, Message] = {}
    displaced: list[Message] = []  # entries whose place another text took: kept (#~) unless their text moved
    for message in catalog:
        if message.id:
            displaced += [message] if message.context in old else []
            old.setdefault(message.context, message)
    retired_before = {key(message): message for message in catalog.obsolete.values()}
    first_retired: dict[str, tuple[str, str]] = {}  # the #~ entry that comes back with its context
    for retired_key in retired_before:
        first_retired.setdefault(retired_key[0], retired_key)
    for source in expected:
        previous = old.pop(source.context, None)
        came_back = first_retired.get(source.context) if previous is None else None
        revived = retired_before.pop(came_back) if came_back is not None else None
        carried = moves.carried.get(source.context)
        stale = moves.stale.get(source.context)
        if carried is not None or stale is not None or source.context in moves.vacated:
            displaced += [entry for entry in (previous, revived) if entry is not None and any(forms_of(entry.string))]
        if carried is not None:  # the same English, translated at its former place
            entry = _add(merged, source, carried.string, carried.user_comments, _silenced(carried))
            if carried.fuzzy:
                entry.flags.add("fuzzy")
                entry.previous_id = list(carried.previous_id or [])
            elif source.context in moves.review:  # the same English in another role: a translator checks it fits
                entry.flags.add("fuzzy")
                entry.previous_id = forms_of(carried.id)
            continue
        if stale is not None:  # edited, and moved with the blocks around it
            entry = _add(merged, source, stale.string, stale.user_comments, _silenced(stale))
            entry.flags.add("fuzzy")
            entry.previous_id = forms_of(stale.id)
            continue
        if source.context in moves.vacated:  # its old entry's text moved away, or waits for the translator
            _add(merged, source, "")
            continue
        if previous is None:
            entry = _add(merged, source, revived.string if revived is not None else "")
            if revived is not None and any(forms_of(revived.string)):  # back after a while: a translator looks again
                entry.user_comments = list(revived.user_comments)
                entry.flags.update(["fuzzy", *_silenced(revived)])
                # The English its translation was made for: a stale entry's previous English, when it has one.
                made_for = revived.previous_id if revived.fuzzy and revived.previous_id else revived.id
                entry.previous_id = forms_of(made_for)
            continue
        entry = _add(merged, source, previous.string, previous.user_comments, _silenced(previous))
        if forms_of(previous.id) != forms_of(source.msgid):
            if any(forms_of(previous.string)):
                entry.flags.add("fuzzy")
                entry.previous_id = forms_of(previous.id)
        elif previous.fuzzy:
            entry.flags.add("fuzzy")
            entry.previous_id = list(previous.previous_id or [])
    for retired in [*retired_before.values(), *old.values(), *displaced]:  # kept (#~) until their context comes back
        if key(retired) in moves.moved:
            continue
        merged.obsolete[(_singular(retired.id), retired.context or "")] = retired
    return merged


def _new_catalog(locale: SiteLocale | None, like: Catalog | None = None) -> Catalog:
    catalog = Catalog(
        locale=locale.tag.replace("-", "_") if locale else None,
        project=PROJECT,
        version="1",
        copyright_holder="the help center's authors",
        msgid_bugs_address="",
        fuzzy=False,
    )
    if locale is not None:
        # Babel would write its own gettext table's Plural-Forms (French: 2 forms, as before CLDR had "many");
        # the Plural-Forms header is how a Catalog is told its forms, and every plural entry has that many.
        catalog.mime_headers = [("Plural-Forms", plural_forms(locale.babel).header)]
    if like is not None:
        catalog.last_translator = like.last_translator
        catalog.language_team = like.language_team
        catalog.revision_date = like.revision_date
    return catalog


def _singular(value: str | tuple[str, ...] | list[str] | None) -> str:
    """A catalog entry's text; of a plural entry (``msgid_plural``), its first form."""
    if value is None or isinstance(value, str):
        return value or ""
    return value[0] if value else ""


def _add(
    catalog: Catalog,
    source: SourceMessage,
    string: str | tuple[str, ...] | list[str] | None,
    user_comments: Iterable[str] = (),
    flags: Iterable[str] = (),
) -> Message:
    """Add ``source`` with a translation taken from an entry: of a text with a count, its forms when it has as
    many as the catalog, else none (a text that had no count has no form of the plural)."""
    if source.plural is not None:
        forms = forms_of(string) if isinstance(string, (tuple, list)) else []
        translation: str | tuple[str, ...] = (
            tuple(forms) if len(forms) == catalog.num_plurals else ("",) * catalog.num_plurals
        )
    else:
        translation = _singular(string)
    return catalog.add(
        source.msgid,
        translation,
        context=source.context,
        auto_comments=[source.comment],
        user_comments=list(user_comments),
        locations=[(source.file, source.line)],
        flags=list(flags),
    )


def _silenced(entry: Message) -> list[str]:
    """The flags a translator put on ``entry`` to silence a QA warning (``ignore-end-stop``): they stay with
    its translation, like the translator's comments."""
    return sorted(flag for flag in entry.flags if flag.startswith(IGNORE_PREFIX))


@dataclass(frozen=True)
class Status:
    """How much of a locale is translated."""

    locale: str
    total: int
    translated: int
    stale: int
    missing: int
    #: Of a locale that inherits (:mod:`generator.i18n.variants`): the texts it shows in its parent's
    #: translation, and the parent's tag.
    inherited: int = 0
    parent: str | None = None

    @property
    def percent(self) -> float:
        """How much shows in the locale's language: its own translations and those it inherits."""
        return 100.0 * (self.translated + self.inherited) / self.total if self.total else 100.0

    def as_dict(self) -> dict[str, object]:
        return {
            "locale": self.locale,
            "total": self.total,
            "translated": self.translated,
            "stale": self.stale,
            "missing": self.missing,
            "inherited": self.inherited,
            "parent": self.parent,
            "percent": round(self.percent, 1),
        }


@dataclass(frozen=True)
class Pending:
    """A text that shows in English until it is translated (again)."""

    context: str
    #: ``stale`` (its English changed since it was translated) or ``missing``.
    state: str
    english: str
    #: The English the stale translation was made for.
    previous_english: str | None
    #: The line of the entry in the catalog, 0 if it has none.
    line: int
    #: Of a text a locale inherits and its parent has not translated (yet): the locale whose catalog must change.
    waiting_for: str | None = None

    def as_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)


class Translations:
    """The current translations of one locale: the texts that may be published."""

    def __init__(self, catalog: Catalog | None, messages: list[SourceMessage], locale: SiteLocale) -> None:
        self.locale = locale
        #: The catalog read, if any: the translation of a text depends on it and on the English text alone.
        self.catalog = catalog
        self.expected = messages_for(messages, locale)
        forms = plural_forms(locale.babel)
        entries = (
            {message.context: message for message in in_our_layout(catalog, locale) if message.id} if catalog else {}
        )
        #: The catalog line of each entry, to point at it.
        self.lines = {context: entry.lineno or 0 for context, entry in entries.items()}
        #: The English each stale translation was made for, when the catalog says (``#| msgid``).
        self.previous = {
            context: " / ".join(forms_of(entry.previous_id or entry.id)) for context, entry in entries.items()
        }
        self.current: dict[str, str] = {}
        #: The forms of each text with a count translated, by CLDR category (its :attr:`current` is the first).
        self.plurals: dict[str, dict[str, str]] = {}
        self.stale: set[str] = set()
        for source in self.expected:
            entry = entries.get(source.context)
            translation = translated_forms(entry, source, forms.nplurals)
            if entry is None or translation is None:
                continue
            if entry.fuzzy or forms_of(entry.id) != forms_of(source.msgid):
                self.stale.add(source.context)
            elif isinstance(translation, tuple):
                self.current[source.context] = translation[0]
                self.plurals[source.context] = dict(zip(forms.categories, translation, strict=True))
            else:
                self.current[source.context] = translation

    @classmethod
    def source(cls, messages: list[SourceMessage], locale: SiteLocale) -> Translations:
        """The source locale: every English text is its own current translation."""
        translations = cls(None, messages, locale)
        translations.current = {source.context: source.text for source in translations.expected}
        categories = plural_forms(locale.babel).categories
        translations.plurals = {
            source.context: {category: source.english(category) for category in categories}
            for source in translations.expected
            if source.plural is not None
        }
        return translations

    def get(self, context: str) -> str | None:
        """Return the current translation of ``context``, or ``None`` when it must fall back."""
        return self.current.get(context)

    def forms(self, context: str) -> dict[str, str] | None:
        """Return the current forms of the text with a count ``context``, by CLDR category, or ``None`` when it
        must fall back."""
        return self.plurals.get(context)

    def status(self) -> Status:
        total = len(self.expected)
        translated = len(self.current)
        stale = len(self.stale)
        return Status(self.locale.tag, total, translated, stale, total - translated - stale)

    def status_of(self, part: str) -> Status:
        """How much of one part is translated: the messages whose context starts with ``part/`` (a policy's id,
        ``help-center`` or ``interface``)."""
        contexts = [source.context for source in self.expected if source.context.startswith(f"{part}/")]
        translated = sum(context in self.current for context in contexts)
        stale = sum(context in self.stale for context in contexts)
        return Status(self.locale.tag, len(contexts), translated, stale, len(contexts) - translated - stale)

    def pending(self) -> list[Pending]:
        """Each text that shows in English for now, with what a translator needs to do it."""
        return [
            Pending(
                context=source.context,
                state="stale" if source.context in self.stale else "missing",
                english=source.listed,
                previous_english=self.previous.get(source.context) if source.context in self.stale else None,
                line=self.lines.get(source.context, 0),
            )
            for source in self.untranslated()
        ]

    def untranslated(self) -> list[SourceMessage]:
        """The messages that fall back to English: stale or missing."""
        return [source for source in self.expected if source.context not in self.current]

    def to_do(self) -> list[SourceMessage]:
        """The messages this locale's own catalog must change: here, every one that falls back to English."""
        return self.untranslated()


def check_catalog(
    catalog: Catalog,
    messages: list[SourceMessage],
    locale: SiteLocale,
    path: Path,
    expected: list[SourceMessage] | None = None,
) -> list[Diagnostic]:
    """Return every translation that would break or change a page: placeholders, links, markup, plurals.

    ``expected``: the messages the catalog must translate, when already known (:attr:`Translations.expected`).
    """
    name = display_path(path)
    expected = messages_for(messages, locale) if expected is None else expected
    sources: Mapping[str, SourceMessage] = {source.context: source for source in expected}
    header = header_problems(catalog, locale, path)
    laid_out = catalog if header else in_our_layout(catalog, locale)
    categories = plural_forms(locale.babel).categories
    problems = []
    for entry in laid_out:
        if not entry.id or not entry.string or entry.context not in sources:
            continue
        where = Position(name, entry.lineno or 0, 1)
        # A stale translation is never published; it is held to the English it was made for, so that an
        # English edit that adds a placeholder does not turn every catalog into an error.
        made_for = forms_of(entry.previous_id if entry.fuzzy and entry.previous_id else entry.id)
        pairs = (
            zip(categories, forms_of(entry.string), strict=False)
            if is_plural(entry)
            else [("one", forms_of(entry.string)[0])]
        )
        for category, string in pairs:
            if string:
                source = made_for[0] if category == "one" or len(made_for) == 1 else made_for[-1]
                problems += [Diagnostic(where, f"{entry.context}: {problem}") for problem in _compare(source, string)]
    problems += [] if header else empty_forms(laid_out, expected, locale, path)
    return _language_problem(catalog, locale, path) + header + problems


def _language_problem(catalog: Catalog, locale: SiteLocale, path: Path) -> list[Diagnostic]:
    """A catalog whose header names another language was copied from another locale: its pages would show it."""
    said = catalog.locale
    if said is None or (said.language == locale.babel.language and said.territory in (None, locale.babel.territory)):
        return []
    lines = path.read_text(encoding="utf-8").split("\n") if path.is_file() else []
    line = next((number for number, text in enumerate(lines, 1) if text.startswith('"Language:')), 1)
    return [
        Diagnostic(
            Position(display_path(path), line, 1),
            f"the catalog says it is in {said} ({said.get_display_name('en')}), but it is {locale.tag}'s: "
            f"put the {locale.tag} translations here, and write Language: {locale.tag.replace('-', '_')}",
        )
    ]


@functools.lru_cache(maxsize=1 << 16)  # a preview checks every catalog again after each edit of the content
def _compare(source: str, translation: str) -> tuple[str, ...]:
    """Say how ``translation`` breaks what ``source`` relies on."""
    problems = []
    used, kept = inline.usage(source), inline.usage(translation)
    for name in sorted(set(used.placeholders) - set(kept.placeholders)):
        problems.append(f"the translation drops the placeholder {{{name}}}")
    for name in sorted(set(kept.placeholders) - set(used.placeholders)):
        problems.append(f"the translation has the placeholder {{{name}}}, which the English does not")
    if sorted(used.targets) != sorted(kept.targets):
        problems.append(
            f"the translation's links ({', '.join(kept.targets) or 'none'}) differ from the English "
            f"({', '.join(used.targets) or 'none'}); translate the words in [...] and keep the (...) as is"
        )
    added = set(inline.markup(translation)) - set(inline.markup(source))
    if added:
        problems.append(f"the translation adds markup the English does not have: {', '.join(sorted(added))}")
    stray = inline.stray_braces(translation)
    if stray:
        at = stray[0]
        end = translation.find("}", at, at + 30) if translation[at] == "{" else at
        shown = translation[at : end + 1] if end != -1 else translation[at : at + 20]
        problems.append(
            f"the translation has a brace that writes no placeholder ('{shown}'): keep the "
            "placeholders of the English as they are, and write the words without other braces"
        )
    allowed = inline.misuse(source)
    problems += [
        f"in the translation, {problem}"
        for problem in inline.misuse(translation)
        if problem not in allowed and "HTML" not in problem
    ]
    return tuple(problems)
