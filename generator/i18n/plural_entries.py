"""A catalog's texts with a count: gettext plural entries, one ``msgstr[index]`` per form the locale needs.

The index of each form is the locale's, from CLDR (:mod:`generator.i18n.plural_rules`), which the catalog's
``Plural-Forms`` header states. A catalog is read in that layout (:func:`in_our_layout`):

* a catalog written before texts with a count were plural entries holds one entry per CLDR category
  (``interface/units/day/one``, ``…/many``, ``…/other``): its forms are put in one plural entry, each in its
  slot, as ``i18n update`` then writes it;
* a catalog whose ``Plural-Forms`` another tool rewrote with another expression for the same forms (another
  order, other parentheses) has its forms put in the locale's order; one whose header gives other forms (two
  for French, as gettext's old table says) cannot be read safely, and ``check`` says what to write
  (:func:`header_problems`).
"""

from __future__ import annotations

import copy
import gettext
import itertools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import babel
from babel.messages.catalog import Catalog, Message

from generator.content.diagnostics import Diagnostic, Position, display_path
from generator.content.locales import SiteLocale
from generator.i18n.messages import UNITS_CONTEXT, SourceMessage
from generator.i18n.plural_rules import CATEGORY_ORDER, SAMPLE, PluralForms, plural_forms


def forms_of(value: str | tuple[str, ...] | list[str] | None) -> list[str]:
    """A catalog entry's English or translation, as a list: its one text, or a plural entry's forms."""
    if value is None or isinstance(value, str):
        return [value or ""]
    return [str(text) for text in value]


def is_plural(message: Message) -> bool:
    """Whether a catalog entry has a plural (``msgid_plural``)."""
    return isinstance(message.id, (tuple, list))


def layout(catalog: Catalog, forms: PluralForms) -> tuple[str, ...] | None:
    """The CLDR category of each ``msgstr`` index of ``catalog``, as its ``Plural-Forms`` gives them, or ``None``
    when its forms are not the locale's (another number of them, or numbers put in other forms)."""
    said = (catalog.num_plurals, catalog.plural_expr)
    if said == (forms.nplurals, forms.expression):
        return forms.categories
    try:
        index_of = gettext.c2py(catalog.plural_expr)
    except (ValueError, RecursionError):
        return None
    category_of: dict[int, str] = {}
    for number, category in zip(SAMPLE, _categories(forms), strict=True):
        try:
            index = index_of(number)
        except (ArithmeticError, ValueError, RecursionError):  # n % 0, n / (n - 1): gettext's C would crash too
            return None
        if category_of.setdefault(index, category) != category:
            return None
    if sorted(category_of) != list(range(forms.nplurals)) or catalog.num_plurals != forms.nplurals:
        return None
    return tuple(category_of[index] for index in range(forms.nplurals))


def _categories(forms: PluralForms) -> list[str]:
    index_of = gettext.c2py(forms.expression)
    return [forms.categories[index_of(number)] for number in SAMPLE]


def in_our_layout(catalog: Catalog, locale: SiteLocale) -> Catalog:
    """Return ``catalog`` with each text with a count as one plural entry, its forms in the locale's order.

    The catalog itself is never changed (it is kept as read); a copy is made when something moves.
    """
    forms = plural_forms(locale.babel)
    read = [*catalog, *catalog.obsolete.values()]  # a retired (#~) entry's forms are in the header's order too
    old = [message for message in read if _old_form(message) is not None]
    found = layout(catalog, forms)
    reorder = found is not None and found != forms.categories and any(is_plural(message) for message in read)
    if not old and not reorder:
        return catalog
    moved = copy.deepcopy(catalog)
    if reorder and found is not None:
        for message in [*moved, *moved.obsolete.values()]:
            if is_plural(message):
                by_category = dict(zip(found, message.string, strict=False))
                message.string = tuple(by_category.get(category, "") for category in forms.categories)
    for obsolete in (False, True):
        entries = moved.obsolete.values() if obsolete else moved
        groups: dict[str, dict[str, Message]] = {}
        for message in entries:
            category = _old_form(message)
            if category is not None:
                groups.setdefault(str(message.context).rsplit("/", 1)[0], {}).setdefault(category, message)
        for stem, group in groups.items():
            _merge(moved, stem, group, forms, obsolete=obsolete)
    moved.mime_headers = [("Plural-Forms", forms.header)]  # its forms are now in the locale's order
    return moved


def _old_form(message: Message) -> str | None:
    """The category of an entry of one form of a text with a count, as catalogs had them (``…/day/one``)."""
    context = message.context or ""
    if not context.startswith(UNITS_CONTEXT) or is_plural(message):
        return None
    category = context.rsplit("/", 1)[-1]
    return category if context.count("/") == 3 and category in CATEGORY_ORDER else None


def _merge(catalog: Catalog, stem: str, group: dict[str, Message], forms: PluralForms, *, obsolete: bool) -> None:
    """Put the entries of the forms of one text into one plural entry of ``catalog`` (or of its ``#~`` ones)."""
    first = next(iter(group.values()))  # the group is filled in the catalog's order, which is the file's
    other = group.get("other") or first
    singular = group.get("one") or other
    for message in group.values():
        if obsolete:
            catalog.obsolete.pop((str(message.id), str(message.context)), None)
        else:
            catalog.delete(message.id, context=message.context)
    if any(message.context == stem for message in (catalog.obsolete.values() if obsolete else catalog)):
        return  # the plural entry is there already: it is the one a translator's tool saw
    merged = Message(
        (str(singular.id), str(other.id)),
        tuple(str(group[category].string or "") if category in group else "" for category in forms.categories),
        auto_comments=list(first.auto_comments),
        user_comments=list(first.user_comments),
        flags={"fuzzy"} if any(message.fuzzy for message in group.values()) else set(),
        context=stem,
        lineno=first.lineno,
    )
    if any(message.fuzzy and message.previous_id for message in group.values()):
        # The English each was translated from: the singular's, and the plural's, which every other form shows.
        plurals = [message for category, message in group.items() if category != "one" and message.previous_id]
        made_for = plurals[0] if plurals else other
        merged.previous_id = [(message.previous_id or forms_of(message.id))[0] for message in (singular, made_for)]
    if obsolete:
        catalog.obsolete[(merged.id[0], stem)] = merged
    else:
        catalog[merged.id] = merged


def translated_forms(entry: Message | None, source: SourceMessage, nplurals: int) -> str | tuple[str, ...] | None:
    """The translation an entry gives ``source``: its text, or all its ``nplurals`` forms; ``None`` when it has
    none or lacks a form (a text with a count shows in English until every form is translated)."""
    if entry is None:
        return None
    if source.plural is None:
        text = forms_of(entry.string)[0]
        return text or None
    translated = forms_of(entry.string)
    if not is_plural(entry) or len(translated) != nplurals or not all(translated):
        return None
    return tuple(translated)


def empty_forms(
    catalog: Catalog, expected: Iterable[SourceMessage], locale: SiteLocale, path: Path
) -> list[Diagnostic]:
    """Report each text with a count translated in some forms but not in every one the locale needs, at the
    ``msgstr[index]`` to write: a half-translated text would show a wrong form for some numbers."""
    forms = plural_forms(locale.babel)
    wanted = {source.context for source in expected if source.plural is not None}
    problems: list[Diagnostic] = []
    lines: list[str] | None = None
    for entry in catalog:
        if entry.context not in wanted or not is_plural(entry) or not any(forms_of(entry.string)):
            continue
        for index, form in enumerate(forms_of(entry.string)):
            if form or index >= forms.nplurals:
                continue
            lines = lines if lines is not None else _lines(path)
            problems.append(_empty_form(lines, entry, index, forms, locale, display_path(path)))
    return problems


def header_problems(catalog: Catalog, locale: SiteLocale, path: Path) -> list[Diagnostic]:
    """Report a ``Plural-Forms`` header that does not give the locale's forms, when the catalog has texts with
    a count: their ``msgstr[index]`` would be read in the wrong slots."""
    forms = plural_forms(locale.babel)
    if not any(is_plural(message) for message in catalog) or layout(catalog, forms) is not None:
        return []
    lines = _lines(path)
    line = next((number for number, text in enumerate(lines, 1) if text.startswith('"Plural-Forms:')), 1)
    described = ", ".join(forms.describe(index) for index in range(forms.nplurals))
    return [
        Diagnostic(
            Position(display_path(path), line, 1),
            f"Plural-Forms says nplurals={catalog.num_plurals}; plural={catalog.plural_expr}, but {locale.tag} has "
            f"{forms.nplurals} forms for a count ({described}): write "
            f'"Plural-Forms: {forms.header}\\n", then check that each msgstr[index] holds the form its numbers '
            "need",
        )
    ]


#: The catalog's ``Plural-Forms`` header line, its ``Language``, and a line that starts an entry or gives a form.
_PLURAL_FORMS = re.compile(r'^"Plural-Forms:(?P<value>.*)"[ \t]*$', re.M)
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
_EXPRESSION = re.compile(r"plural\s*=\s*(.*?);?\s*(?:\\n)?$")
#: A header value's end, as a PO file writes it.
_NEWLINE = "\\n"
_PLURAL_ENTRY = re.compile(r"^msgid_plural\s", re.M)

_LANGUAGE = re.compile(r'^"Language:\s*([A-Za-z0-9_@-]{1,35})', re.M)
_ENTRY_LINE = re.compile(r"(?:msgctxt\s+\"(?P<context>(?:[^\"\\]|\\.)*)\"|(?P<msgid>msgid\s)|msgstr\[(?P<index>\d+)\])")


def form_problems(text: str, name: str) -> list[Diagnostic]:
    """Report what Babel's reader would stop at, or silently keep one of, in the forms of the texts with a count:
    a ``Plural-Forms`` header of no language's number of forms (Babel would make that many of each entry), or
    of fewer forms than the catalog's language has; a ``msgstr[index]`` past the forms the header gives (or,
    with no header, past those Babel counts for the language); a form given twice in one entry.

    Run on the text before Babel reads it. ``name``: the catalog as shown in a message.
    """
    language = _language(text)
    header = _PLURAL_FORMS.search(text)
    if header is None:
        nplurals = Catalog(locale=language).num_plurals if language is not None else 2
        return _forms_past(text, name, nplurals, "" if language is None else plural_forms(language).header)
    line = text.count("\n", 0, header.start()) + 1
    said = _NPLURALS.search(header["value"])
    expression = _EXPRESSION.search(header["value"])
    wanted = plural_forms(language) if language is not None else None
    write = f'"Plural-Forms: {wanted.header}\\n"' if wanted else "the Plural-Forms line of the catalog's language"
    if said is None or not 1 <= int(said[1]) <= len(CATEGORY_ORDER):
        shown = header["value"].strip().removesuffix(_NEWLINE).strip()[:80]
        problem = (
            f"Plural-Forms says {shown}, but a language has 1 to {len(CATEGORY_ORDER)} forms for a count "
            f"(nplurals): write {write}"
        )
        return [Diagnostic(Position(name, line, 1), problem)]
    nplurals = int(said[1])
    plural_entries = _PLURAL_ENTRY.search(text) is not None  # a catalog of one entry per form reads any header
    # With fewer forms than the language has, its forms past nplurals are the language's, not extra ones.
    if language is not None and wanted is not None and nplurals < wanted.nplurals and plural_entries:
        described = ", ".join(wanted.describe(index) for index in range(wanted.nplurals))
        problem = (
            f"Plural-Forms says nplurals={nplurals}; plural={expression[1] if expression else '?'}, but "
            f"{_tag(language)} has {wanted.nplurals} forms for a count ({described}): write {write}, then check "
            "that each msgstr[index] holds the form its numbers need"
        )
        return [Diagnostic(Position(name, line, 1), problem)]
    return _forms_past(text, name, nplurals, None)


def _language(text: str) -> babel.Locale | None:
    found = _LANGUAGE.search(text)
    try:
        return babel.Locale.parse(found[1]) if found else None
    except (ValueError, TypeError, babel.UnknownLocaleError):
        return None


def _tag(language: babel.Locale) -> str:
    return "-".join(part for part in (language.language, language.territory) if part)


def _forms_past(text: str, name: str, nplurals: int, missing_header: str | None) -> list[Diagnostic]:
    """Report each ``msgstr[index]`` at or past ``nplurals``, and each given twice in an entry, at its line.
    ``missing_header``: with no ``Plural-Forms`` header, the one to write (``""``: the language's, unknown)."""
    problems = []
    context = ""
    seen: dict[int, int] = {}  # the line of each form of the entry read
    after_context = False
    for number, line in enumerate(text.split("\n"), 1):
        found = _ENTRY_LINE.match(line.strip())
        if found is None:
            continue
        if found["context"] is not None or (found["msgid"] and not after_context):  # an entry starts
            context, seen = found["context"] or "", {}
        after_context = found["context"] is not None
        if found["index"] is None:
            continue
        index = int(found["index"])
        where = Position(name, number, 1)
        named = f"{context}: " if context else ""
        if index in seen:
            problems.append(
                Diagnostic(
                    where,
                    f"{named}msgstr[{index}] is given twice in this entry (first at line {seen[index]}): a tool "
                    "keeps only one; delete the one whose translation is not the one you want",
                )
            )
        elif index >= nplurals and missing_header is not None:
            write = (
                f'"Plural-Forms: {missing_header}\\n"' if missing_header else "the Plural-Forms line of its language"
            )
            problems.append(
                Diagnostic(
                    where,
                    f"{named}msgstr[{index}] is a form the catalog does not expect: its header (the first entry, "
                    'msgid "") has no Plural-Forms line, which says how many forms a text with a count has; '
                    f"write {write} in it",
                )
            )
            break  # the header is the fix: once is enough
        elif index >= nplurals:
            problems.append(
                Diagnostic(
                    where,
                    f"{named}msgstr[{index}] is one form more than the {nplurals} this catalog's Plural-Forms gives "
                    f"(nplurals={nplurals}: msgstr[0] to msgstr[{nplurals - 1}]): delete it",
                )
            )
        seen.setdefault(index, number)
    return problems


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeError):
        return []


def _empty_form(
    lines: Sequence[str], entry: Message, index: int, forms: PluralForms, locale: SiteLocale, name: str
) -> Diagnostic:
    """Say that a form of a text with a count is empty, at its ``msgstr[index]``, or, in a catalog of one entry per
    form (as they were), at that entry's ``msgstr``."""
    category = forms.categories[index]
    old_entry = _line_of(lines, 1, f'msgctxt "{entry.context}/{category}"')
    if old_entry:
        return Diagnostic(
            Position(name, _line_of(lines, old_entry, "msgstr") or old_entry, 1),
            f"{entry.context}/{category}: this form {forms.describe(index).split(' ', 1)[1]} is empty: {locale.tag} "
            "shows it for these numbers; translate it (until every form is translated, the English is shown; "
            f"i18n update makes the forms one entry, this one its msgstr[{index}])",
        )
    forms_start = entry.lineno or 0  # the line of its msgstr[0]
    return Diagnostic(
        Position(name, _form_line(lines, forms_start, index) or forms_start, 1),
        f"{entry.context}: {forms.describe(index)} is empty: {locale.tag} shows this form for these "
        "numbers; translate it (until every form is translated, the English is shown)",
    )


def _line_of(lines: Sequence[str], start: int, start_of_line: str) -> int:
    """The first line, from ``start`` on, that starts with ``start_of_line``; 0 if none does."""
    return next((number for number in range(start, len(lines) + 1) if lines[number - 1].startswith(start_of_line)), 0)


def _form_line(lines: Sequence[str], forms_start: int, index: int) -> int:
    """The line of ``msgstr[index]`` among the forms of the entry whose ``msgstr[0]`` is at ``forms_start``; 0 when
    the entry leaves that form out (the same form of the next entry is not its line)."""
    forms = itertools.takewhile(
        lambda numbered: numbered[1].startswith(("msgstr[", '"')), enumerate(lines[forms_start - 1 :], forms_start)
    )
    return next((number for number, line in forms if line.startswith(f"msgstr[{index}]")), 0)
