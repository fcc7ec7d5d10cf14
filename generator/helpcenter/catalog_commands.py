"""The translators' workflow: extract, update, add a locale, and status.

Each function works on a content folder and returns what it did as lines to
print, or raises :class:`~generator.content.diagnostics.ContentError` with located
problems. The command line in :mod:`generator.cli` only calls these.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

from babel.messages.catalog import Catalog

from generator.content.diagnostics import ContentError, Diagnostic, Position, display_path
from generator.content.load import load_document, read_text
from generator.content.locales import LocaleSettings, SiteLocale, canonical_tag, tag_problem
from generator.content.locales_file import DEFAULT_TEXT, with_published
from generator.content.schema import validate_against_schema
from generator.content.transaction import Planned, write_together
from generator.content.variants import NO_PARENT, default_parent
from generator.helpcenter.folder import CATALOGS_DIR, LOCALES_FILE, Content, load_content
from generator.helpcenter.variant_commands import copied_from, parent_translations, started_catalog
from generator.i18n.catalogs import (
    TEMPLATE_FILE,
    Pending,
    Status,
    Translations,
    catalog_path,
    make_template,
    new_catalog,
    planned_catalog,
    read_catalog,
    update_catalog,
)
from generator.i18n.messages import HELP_CENTER_CONTEXT, INTERFACE_CONTEXT, messages_for
from generator.i18n.moves import find_moves
from generator.i18n.plural_entries import in_our_layout
from generator.i18n.variants import overrides_only, translations_of


def extract(content_dir: Path) -> list[str]:
    """Write the template of every English text to ``locales/messages.pot``."""
    content = load_content(content_dir, catalogs_required=False)
    planned, line = _template(content_dir, content)
    write_together([planned] if planned else [])
    return [line]


def _template(content_dir: Path, content: Content) -> tuple[Planned | None, str]:
    """The write of the template (``None`` if it is up to date), and the line that says so."""
    path = content_dir / CATALOGS_DIR / TEMPLATE_FILE
    planned = planned_catalog(make_template(content.messages), path)
    state = "written" if planned else "already up to date"
    return planned, f"{display_path(path)}: {len(content.messages)} messages, {state}"


def update(content_dir: Path) -> list[str]:
    """Extract, then merge the template into every published locale's catalog: all of them are written, or none."""
    content = load_content(content_dir, catalogs_required=False)
    template, line = _template(content_dir, content)
    planned, lines = [template], [line]
    merged_translations: dict[str, Translations] = {}
    for locale in content.locales.with_catalogs:  # parents first
        path = catalog_path(content_dir / CATALOGS_DIR, locale)
        if content.locales.reads_source(locale) and not path.exists():
            continue  # its wording is the YAML's: it has a catalog only once it says a text its own way
        catalog = _read_or_new(path, content, locale)
        moves = find_moves(catalog, messages_for(content.messages, locale))
        merged = update_catalog(catalog, content.messages, locale, moves)
        parent = content.locales.parent_of(locale)
        inherited = None
        if parent is not None:  # its catalog holds only the texts it says its own way
            merged = overrides_only(merged)
            inherited = merged_translations.get(parent.tag) or Translations.source(content.messages, parent)
        planned.append(planned_catalog(merged, path))
        merged_translations[locale.tag] = found = translations_of(merged, content.messages, locale, inherited)
        lines.append(f"{display_path(path)}: {describe(found.status())}")
        summary = moves.summary()
        lines += [f"{display_path(path)}: {summary}"] if summary else []
        lines += [f"{display_path(path)}: {case.describe()}" for case in moves.ambiguous]
    write_together([file for file in planned if file is not None])
    return lines


def add(content_dir: Path, tag: str, market: str | None = None, copy_from: str | None = None) -> list[str]:
    """Publish a new locale: list it in locales.yaml and start its catalog (or start the missing catalog of one).

    A locale with a published parent of its language (:func:`~generator.content.variants.default_parent`) is
    listed with ``parent:`` and starts with no entry: it shows its parent's translations. ``copy_from``: start
    instead with a copy of that locale's translations, inheriting from none; refused where a catalog is there
    already (a translator's work, kept without it). locales.yaml and the catalog are written together or not at
    all, each read back first.
    """
    tag = canonical_tag(tag) or tag  # nl-nl, as site addresses write it, is nl-NL
    content = load_content(content_dir, catalogs_required=False, adding=tag)
    locales_file = content_dir / LOCALES_FILE
    where = Position(display_path(locales_file))
    problem = tag_problem(tag)
    if problem is not None:
        raise ContentError([Diagnostic(where, problem)])
    published = content.locales.find(tag)
    if published is not None:
        return _start_missing(content_dir, content, published, copy_from)
    locale = SiteLocale(tag, market or "")
    if locale.market not in content.help_center.markets:
        known = ", ".join(sorted(content.help_center.markets))
        raise ContentError(
            [
                Diagnostic(
                    content.help_center_document.key_position(("markets",)),
                    f"{tag} needs the market '{locale.market}', which help-center.yaml does not define (it has: "
                    f"{known}). Add it under markets: (with its mass_unit if a policy shows a mass), and its value to "
                    f"every fact and link given by_market, or publish {tag} for an existing market with --market",
                )
            ]
        )
    path = catalog_path(content_dir / CATALOGS_DIR, locale)
    # A catalog left from an earlier time the locale was published keeps its translations: never replaced by a copy.
    kept_before = path.exists()
    kept_problems = [_kept_from_copy(path, tag, copy_from)] if kept_before and copy_from is not None else []
    copied = _copied(content_dir, content, copy_from, locale, kept_problems)
    tags = [other.tag for other in content.locales.published]
    parent = default_parent(tag, tags, content.locales.source.tag) if copied is None else None
    entry = {"tag": locale.tag, "market": locale.market}
    if copied is not None:
        entry["parent"] = NO_PARENT
    elif parent is not None and not content.locales.reads_source(locale):  # a source-language locale reads the YAML
        entry["parent"] = parent
    listed, kept = _listed(locales_file, entry)
    said = f"{display_path(locales_file)}: publishes {tag} (market {locale.market})"
    if content.locales.reads_source(locale):
        said += ", in the source language"
    elif "parent" in entry:
        said += f", {_inheriting(entry['parent'], copy_from)}"
    if not kept:
        said += "; its comments could not be kept in place, so it was written anew"
    if content.locales.reads_source(locale):  # the YAML is its catalog
        write_together([listed])
        return [said]
    with_entry = dataclasses.replace(content, locales=_with_published(content.locales, locale, entry))
    inherited = parent_translations(with_entry, locale)
    if kept_before:
        catalog = update_catalog(_read_or_new(path, content, locale), content.messages, locale)
        catalog = overrides_only(catalog) if inherited is not None else catalog
    else:
        catalog = started_catalog(with_entry, locale, copied)
    write_together(_planned([planned_catalog(catalog, path), listed]))
    if kept_before:
        found = translations_of(catalog, content.messages, locale, inherited).status()
        return [said, f"{display_path(path)}: kept, {describe(found)}"]
    if parent is not None:
        return [
            said,
            f"{display_path(path)}: started with no text: every text shows {parent}'s translation. To say a text "
            f"the {tag} way: python -m generator i18n override {tag} CONTEXT (the msgctxt of its entry in "
            f"{parent}.po), then edit its msgstr in {display_path(path)}",
        ]
    if copied is not None:
        return [said, _copy_started(path, catalog, content, locale, copied)]
    return [said, f"{display_path(path)}: {_to_translate(content, locale)}"]


def _start_missing(content_dir: Path, content: Content, locale: SiteLocale, copy_from: str | None) -> list[str]:
    """Start the catalog of a published locale that has none: as for a new locale, with no entry when it
    inherits, else every text to translate, or with ``copy_from``, a copy of that locale's translations."""
    where = Position(display_path(content_dir / LOCALES_FILE))
    path = catalog_path(content_dir / CATALOGS_DIR, locale)
    if path.exists() or content.locales.reads_source(locale):
        raise ContentError([Diagnostic(where, f"{locale.tag} is already published")])
    inherits = content.locales.parent_of(locale)
    problems = []
    if copy_from is not None and inherits is not None:
        problem = (
            f"--from {copy_from}: {locale.tag} is published inheriting from {inherits.tag}, so its catalog holds "
            f"only the texts it says its own way: run python -m generator i18n add {locale.tag} without --from to "
            f"start it so; to start it with a copy of {copy_from}'s translations instead, first write parent: "
            f"{NO_PARENT} under {locale.tag} in {display_path(content_dir / LOCALES_FILE)}"
        )
        problems.append(Diagnostic(where, problem))
    copied = _copied(content_dir, content, copy_from, locale, problems)
    catalog = started_catalog(content, locale, copied)
    write_together(_planned([planned_catalog(catalog, path)]))
    if copied is not None:
        return [_copy_started(path, catalog, content, locale, copied)]
    if inherits is not None:
        return [f"{display_path(path)}: started with no text: every text shows {inherits.tag}'s translation"]
    return [f"{display_path(path)}: started, {_to_translate(content, locale)}"]


def _copied(
    content_dir: Path, content: Content, copy_from: str | None, locale: SiteLocale, problems: list[Diagnostic]
) -> Translations | None:
    """The translations ``--from`` copies (``None`` without it); raise with ``problems`` and its own, if any."""
    copied = None
    if copy_from is not None:
        try:
            copied = copied_from(content_dir, content, copy_from, locale)
        except ContentError as error:
            problems = [*problems, *error.diagnostics]
    if problems:
        raise ContentError(problems)
    return copied


def _kept_from_copy(path: Path, tag: str, copy_from: str | None) -> Diagnostic:
    """The problem of ``--from`` for a locale whose catalog is left from an earlier time it was published."""
    return Diagnostic(
        Position(display_path(path)),
        f"--from {copy_from}: {tag} has this catalog already, left from an earlier time it was published, and a copy "
        f"of {copy_from}'s translations would replace them. To keep them, run python -m generator i18n add {tag} "
        f"without --from; to start from a copy, move this file out of {display_path(path.parent)} first",
    )


def _copy_started(path: Path, catalog: Catalog, content: Content, locale: SiteLocale, copied: Translations) -> str:
    found = Translations(catalog, content.messages, locale).status()
    return f"{display_path(path)}: started with a copy of {copied.locale.tag}'s translations, {describe(found)}"


def _inheriting(parent: str, copy_from: str | None) -> str:
    if parent == NO_PARENT:
        return f"with a copy of {copy_from}'s translations, inheriting from no locale"
    return f"inheriting from {parent}: it shows {parent}'s translations, except the texts it says its own way"


def _with_published(locales: LocaleSettings, locale: SiteLocale, entry: Mapping[str, str]) -> LocaleSettings:
    parents = {
        **locales.parents,
        **({locale.tag: entry["parent"]} if entry.get("parent", NO_PARENT) != NO_PARENT else {}),
    }
    return dataclasses.replace(locales, published=(*locales.published, locale), parents=parents)


def _planned(files: list[Planned | None]) -> list[Planned]:
    return [file for file in files if file is not None]


def _listed(locales_file: Path, entry: Mapping[str, str]) -> tuple[Planned, bool]:
    """The write of locales.yaml with ``locale`` published, read back before it is put in place, and whether
    its comments and layout were kept."""
    name = display_path(locales_file)
    text = DEFAULT_TEXT
    if locales_file.exists():
        read, problems = read_text(locales_file)
        if read is None:
            raise ContentError(problems)
        text = read
    edited, intended, kept = with_published(text, entry, name)
    schema = locales_file.with_name(LOCALES_FILE.removesuffix(".yaml") + ".schema.json")

    def reads_back(staged: Path) -> list[Diagnostic]:
        document, problems = load_document(staged)
        if document is None or problems:
            return problems
        try:
            problems = validate_against_schema(document, schema)
        except (OSError, ValueError) as error:
            return [Diagnostic(Position(display_path(schema)), f"cannot check {name} against it ({error})")]
        if not problems and document.data != intended:
            problems = [
                Diagnostic(
                    Position(document.file), "it does not read as the locales to publish: please report this bug"
                )
            ]
        return problems

    return Planned(locales_file, edited, reads_back), kept


def _to_translate(content: Content, locale: SiteLocale) -> str:
    count = len(Translations(None, content.messages, locale).expected)
    return f"{count} messages to translate; until then the pages show English with a notice"


def status(content_dir: Path) -> list[Status]:
    """Return how much of each published locale is translated."""
    return [found for found, _ in status_by_part(content_dir)]


def status_by_part(content_dir: Path) -> list[tuple[Status, dict[str, Status]]]:
    """Return how much of each published locale is translated, in all and per part: each policy (by id), the
    texts the policies share (``help-center``) and the interface's (``interface``)."""
    content = load_content(content_dir)
    parts = [*(checked.policy.id for checked in content.policies), HELP_CENTER_CONTEXT, INTERFACE_CONTEXT]
    found = []
    for locale in [locale for locale in content.locales.with_catalogs if locale.tag in content.translations]:
        translations = content.translations[locale.tag]
        found.append((translations.status(), {part: translations.status_of(part) for part in parts}))
    return found


def pending(content_dir: Path, tag: str) -> tuple[Path, list[Pending]]:
    """Return the catalog of ``tag`` and every text of it that shows in English for now."""
    content = load_content(content_dir)
    locale = content.locales.find(tag)
    if locale is None or locale.tag not in content.translations:
        published = ", ".join(content.translations)
        where = Position(display_path(content_dir / LOCALES_FILE))
        raise ContentError([Diagnostic(where, f"{tag} is not a translated locale (these are: {published})")])
    return catalog_path(content_dir / CATALOGS_DIR, locale), content.translations[locale.tag].pending()


def describe(status: Status) -> str:
    if status.parent is not None:  # its own texts are few: the rest is its parent's, or its parent's to do
        waiting = f", waiting for {status.parent}" if status.missing else ""
        texts = f"{status.total} text{'s' if status.total != 1 else ''}"
        return (
            f"{texts}: {status.translated} its own, {status.inherited} inherited from {status.parent}, "
            f"{status.stale} stale, {status.missing} missing{waiting} ({status.percent:.1f} %)"
        )
    return (
        f"{status.translated}/{status.total} translated, {status.stale} stale, {status.missing} missing "
        f"({status.percent:.1f} %)"
    )


def shown_meanwhile(translations: Translations, source: str) -> str:
    """What the pages of a locale show for its texts stale or missing: English with a notice, or, for a stale
    override of a locale that inherits, its parent's current wording with no notice (the YAML's English, for a
    locale in the ``source`` language)."""
    found = translations.status()
    in_english = len(translations.untranslated())  # neither the locale nor an ancestor has them
    from_parent = found.stale + found.missing - in_english
    parent = "the English of the YAML" if found.parent == source else f"{found.parent}'s translation"
    shown = {"in English with a notice": in_english, f"{parent}, with no notice, until reviewed": from_parent}
    if not (in_english and from_parent):
        return f"these texts show {next(what for what, count in shown.items() if count)}"
    return ", ".join(f"{count} {'shows' if count == 1 else 'show'} {what}" for what, count in shown.items())


def _read_or_new(path: Path, content: Content, locale: SiteLocale) -> Catalog:
    if not path.exists():
        return new_catalog(content.messages, locale)
    catalog, problems = read_catalog(path)
    if catalog is None:
        raise ContentError(problems)
    return in_our_layout(catalog, locale)  # before the moves are found: a text with a count moves as one entry
