"""The translators' commands for a locale that inherits (:mod:`generator.i18n.variants`): start its catalog, and
give it its own translation of one text (``i18n override``).

An inheriting locale's catalog starts with no entry: every text is its parent's. ``i18n override fr-BE
CONTEXT`` puts one entry in it, starting from the parent's translation, for the translator to edit; copying
an entry from the parent's catalog by hand does the same.
"""

from __future__ import annotations

import copy
import difflib
from pathlib import Path

from babel.messages.catalog import Catalog

from generator.content.diagnostics import ContentError, Diagnostic, Position, display_path
from generator.content.locales import SiteLocale, canonical_tag
from generator.content.transaction import write_together
from generator.helpcenter.folder import CATALOGS_DIR, LOCALES_FILE, Content, load_content
from generator.i18n.catalogs import Translations, catalog_path, new_catalog, planned_catalog, read_catalog
from generator.i18n.messages import SourceMessage
from generator.i18n.plural_rules import CATEGORY_ORDER, plural_forms
from generator.i18n.variants import overrides_only, translations_of

#: How many contexts an unknown one is compared with, at most, to suggest the closest (difflib compares pairs).
MAX_COMPARED_CONTEXTS = 1000
#: What the translator comment of an override says, before the parent's tag.
OVERRIDES = "overrides"


def parent_translations(content: Content, locale: SiteLocale) -> Translations | None:
    """The translations ``locale`` inherits from: its parent's (the YAML's, for the source locale), or ``None``."""
    parent = content.locales.parent_of(locale)
    if parent is None:
        return None
    return content.translations.get(parent.tag) or Translations.source(content.messages, parent)


def started_catalog(content: Content, locale: SiteLocale, copied: Translations | None) -> Catalog:
    """The catalog a new locale starts with: no entry when it inherits (every text is its parent's); with
    ``copied``, every text ``copied`` translates, as its own (a locale that inherits from none); else every text,
    to translate."""
    catalog = new_catalog(content.messages, locale)
    if copied is not None:
        by_context = {source.context: source for source in copied.expected}
        for message in catalog:
            if message.id and isinstance(message.context, str):
                source = by_context.get(message.context)
                if source is not None:
                    message.string = parents_translation(copied, source)
        return catalog
    return overrides_only(catalog) if content.locales.parent_of(locale) is not None else catalog


def copied_from(content_dir: Path, content: Content, tag: str, locale: SiteLocale) -> Translations:
    """The translations ``i18n add --from tag`` copies: those of a published locale of ``locale``'s language."""
    found = content.locales.find(canonical_tag(tag) or tag)
    choices = [
        other.tag
        for other in content.locales.published
        if other.language == locale.language and other.tag in content.translations and other.tag != locale.tag
    ]
    if found is not None and found.tag in choices:
        return content.translations[found.tag]
    said = f"one of: {', '.join(choices)}" if choices else f"and none of {locale.language} has one yet"
    problem = (
        f"--from {tag}: {locale.tag} copies the translations of a published locale of its language with a catalog, "
        f"{said}; without --from, it inherits from its parent"
    )
    raise ContentError([Diagnostic(Position(display_path(content_dir / LOCALES_FILE)), problem)])


def override(content_dir: Path, tag: str, context: str) -> list[str]:
    """Give the inheriting locale ``tag`` its own translation of ``context``, starting from its parent's: an entry
    in its catalog with a translator comment naming the parent (a text with a count: one plural entry, every form)."""
    content = load_content(content_dir)
    where = Position(display_path(content_dir / LOCALES_FILE))
    locale = content.locales.find(tag)
    if locale is None:
        published = ", ".join(locale.tag for locale in content.locales.published)
        raise ContentError([Diagnostic(where, f"{tag} is not a published locale (published: {published})")])
    path = catalog_path(content_dir / CATALOGS_DIR, locale)
    parent = parent_translations(content, locale)
    if parent is None:
        said = (
            "its wording is the YAML: edit the English there"
            if locale == content.locales.source
            else f"every text is in its own catalog already: edit its msgstr in {display_path(path)}"
        )
        raise ContentError([Diagnostic(where, f"{locale.tag} inherits from no locale, so it overrides none: {said}")])
    own = content.translations.get(locale.tag) or translations_of(None, content.messages, locale, parent)
    chosen = _chosen(own.expected, context, path)
    catalog = _read_or_started(path, content, locale)
    present = {message.context: message for message in catalog if message.id}
    already = [source.context for source in chosen if source.context in present]
    if already:
        line = present[already[0]].lineno or 0
        problem = f"{already[0]}: {locale.tag} overrides it already: edit its msgstr here"
        raise ContentError([Diagnostic(Position(display_path(path), line, 1), problem)])
    for source in chosen:
        catalog.add(
            source.msgid,
            parents_translation(parent, source),
            context=source.context,
            auto_comments=[source.comment],
            user_comments=[f"{OVERRIDES} {parent.locale.tag}: {locale.tag} says this text its own way"],
            locations=[(source.file, source.line)],
        )
    planned = planned_catalog(catalog, path)
    write_together([planned] if planned is not None else [])
    lines = _msgstr_lines(path, [source.context for source in chosen])
    untranslated = [source.context for source in chosen if parent.get(source.context) is None]
    start = (
        f"starts from {parent.locale.tag}'s translation"
        if not untranslated
        else (f"starts empty: {parent.locale.tag} has no translation of it yet")
    )
    return [
        f"{display_path(path)}:{line}: {source.context}: {locale.tag}'s own translation, which {start}; edit its msgstr"
        for source, line in zip(chosen, lines, strict=True)
    ]


def parents_translation(parent: Translations, source: SourceMessage) -> str | tuple[str, ...]:
    """What a catalog entry of ``source`` starts from: the ``parent``'s current translation, all its forms for a
    text with a count (a variant speaks its parent's language: the same forms), else empty."""
    if source.plural is None:
        return parent.get(source.context) or ""
    forms = parent.forms(source.context)
    categories = plural_forms(parent.locale.babel).categories
    return tuple(forms[category] if forms else "" for category in categories)


def _chosen(expected: list[SourceMessage], context: str, path: Path) -> list[SourceMessage]:
    """The message ``context`` names (a text with a count also by one of its forms' old contexts,
    ``…/<unit>/one``); an unknown context is refused with the closest known ones."""
    by_context = {source.context: source for source in expected}
    stem, _, form = context.rpartition("/")
    source = by_context.get(context) or (by_context.get(stem) if form in CATEGORY_ORDER else None)
    if source is not None:
        return [source]
    close = closest_contexts(context, list(by_context))
    hint = f" (did you mean {' or '.join(repr(found) for found in close)}?)" if close else ""
    problem = (
        f"there is no text '{context}' to override{hint}: a text is named by its context, the msgctxt of its entry "
        "in messages.pot or in the parent's catalog"
    )
    raise ContentError([Diagnostic(Position(display_path(path)), problem)])


def closest_contexts(context: str, contexts: list[str], count: int = 3) -> list[str]:
    """The known contexts closest to ``context``, compared with at most :data:`MAX_COMPARED_CONTEXTS` of them:
    those that share the most leading parts with it (``warranty/outcomes/…``).

    >>> closest_contexts("warranty/outcomes/repair/titel", ["warranty/outcomes/repair/title", "x/y"])
    ['warranty/outcomes/repair/title']
    """
    parts = context.split("/")
    candidates = contexts
    for depth in range(1, len(parts)):
        if len(candidates) <= MAX_COMPARED_CONTEXTS:
            break
        narrower = [known for known in candidates if known.split("/")[:depth] == parts[:depth]]
        if not narrower:
            break
        candidates = narrower
    return difflib.get_close_matches(context, candidates[:MAX_COMPARED_CONTEXTS], n=count)


def _read_or_started(path: Path, content: Content, locale: SiteLocale) -> Catalog:
    if not path.exists():  # a locale in the source language has a catalog only once it overrides a text
        return started_catalog(content, locale, None)
    catalog, problems = read_catalog(path)
    if catalog is None:
        raise ContentError(problems)
    return copy.deepcopy(catalog)  # the catalog read is kept as read (:func:`read_catalog`)


def _msgstr_lines(path: Path, contexts: list[str]) -> list[int]:
    """The line of each context's msgstr in the catalog written at ``path``."""
    catalog, _ = read_catalog(path)
    lines = {message.context: message.lineno or 0 for message in catalog or () if message.id}
    return [lines.get(context, 0) for context in contexts]
