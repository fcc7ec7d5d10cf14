"""The translators' workflow: extract, update, add a locale, and status.

Each function works on a content folder and returns what it did as lines to
print, or raises :class:`~generator.content.diagnostics.ContentError` with located
problems. The command line in :mod:`generator.cli` only calls these.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.diagnostics import ContentError, Diagnostic, Position, display_path
from generator.content.folder import CATALOGS_DIR, LOCALES_FILE, Content, load_content
from generator.content.locales import SiteLocale, tag_problem
from generator.content.publish import write_atomically
from generator.i18n.catalogs import (
    TEMPLATE_FILE,
    Pending,
    Status,
    Translations,
    catalog_path,
    make_template,
    new_catalog,
    read_catalog,
    update_catalog,
    write_catalog,
)


def extract(content_dir: Path) -> list[str]:
    """Write the template of every English text to ``locales/messages.pot``."""
    content = load_content(content_dir, catalogs_required=False)
    path = content_dir / CATALOGS_DIR / TEMPLATE_FILE
    written = write_catalog(make_template(content.messages), path)
    state = "written" if written else "already up to date"
    return [f"{display_path(path)}: {len(content.messages)} messages, {state}"]


def update(content_dir: Path) -> list[str]:
    """Extract, then merge the template into every published locale's catalog."""
    lines = extract(content_dir)
    content = load_content(content_dir, catalogs_required=False)
    for locale in content.locales.translated:
        path = catalog_path(content_dir / CATALOGS_DIR, locale)
        catalog = _read_or_new(path, content, locale)
        write_catalog(update_catalog(catalog, content.messages, locale), path)
        status = Translations(update_catalog(catalog, content.messages, locale), content.messages, locale).status()
        lines.append(f"{display_path(path)}: {describe(status)}")
    return lines


def add(content_dir: Path, tag: str, market: str | None = None) -> list[str]:
    """Publish a new locale: list it in locales.yaml and start its catalog (or start the missing catalog of one)."""
    content = load_content(content_dir, catalogs_required=False)
    locales_file = content_dir / LOCALES_FILE
    where = Position(display_path(locales_file))
    problem = tag_problem(tag)
    if problem is not None:
        raise ContentError([Diagnostic(where, problem)])
    published = content.locales.find(tag)
    if published is not None:
        path = catalog_path(content_dir / CATALOGS_DIR, published)
        if path.exists() or content.locales.reads_source(published):
            raise ContentError([Diagnostic(where, f"{tag} is already published")])
        write_catalog(new_catalog(content.messages, published), path)
        return [f"{display_path(path)}: started, {_to_translate(content, published)}"]
    locale = SiteLocale(tag, market or "")
    if locale.market not in content.policy.markets:
        known = ", ".join(sorted(content.policy.markets))
        raise ContentError(
            [
                Diagnostic(
                    content.policy_document.key_position(("markets",)),
                    f"{tag} needs the market '{locale.market}', which policy.yaml does not define (it has: {known}). "
                    f"Add it under markets: with its carrier, mass_unit and links, or publish {tag} for an existing "
                    "market with --market",
                )
            ]
        )
    # Everything is checked and made before anything is written: a failure leaves the content as it was.
    listed = _with_locale(locales_file, locale)
    if content.locales.reads_source(locale):  # the YAML is its catalog
        write_atomically(locales_file, listed)
        return [f"{display_path(locales_file)}: publishes {tag} (market {locale.market}), in the source language"]
    path = catalog_path(content_dir / CATALOGS_DIR, locale)
    catalog = new_catalog(content.messages, locale)
    write_catalog(catalog, path)
    write_atomically(locales_file, listed)
    return [
        f"{display_path(locales_file)}: publishes {tag} (market {locale.market})",
        f"{display_path(path)}: {_to_translate(content, locale)}",
    ]


def _to_translate(content: Content, locale: SiteLocale) -> str:
    count = len(Translations(None, content.messages, locale).expected)
    return f"{count} messages to translate; until then the pages show English with a notice"


def status(content_dir: Path) -> list[Status]:
    """Return how much of each published locale is translated."""
    content = load_content(content_dir)
    return [content.translations[locale.tag].status() for locale in content.locales.translated]


def pending(content_dir: Path, tag: str) -> tuple[Path, list[Pending]]:
    """Return the catalog of ``tag`` and every text of it that shows in English for now."""
    content = load_content(content_dir)
    locale = content.locales.find(tag)
    if locale is None or locale not in content.locales.translated:
        published = ", ".join(locale.tag for locale in content.locales.translated)
        where = Position(display_path(content_dir / LOCALES_FILE))
        raise ContentError([Diagnostic(where, f"{tag} is not a translated locale (these are: {published})")])
    return catalog_path(content_dir / CATALOGS_DIR, locale), content.translations[tag].pending()


def describe(status: Status) -> str:
    return (
        f"{status.translated}/{status.total} translated, {status.stale} stale, {status.missing} missing "
        f"({status.percent:.1f} %)"
    )


def _read_or_new(path: Path, content: Content, locale: SiteLocale):
    if not path.exists():
        return new_catalog(content.messages, locale)
    catalog, problems = read_catalog(path)
    if catalog is None:
        raise ContentError(problems)
    return catalog


def _with_locale(locales_file: Path, locale: SiteLocale) -> str:
    """Return locales.yaml with the locale after the last published one, keeping its comments and layout."""
    if not locales_file.exists():
        return (
            f"source: en-US\npublished:\n  - tag: en-US\n    market: us\n  - tag: {locale.tag}\n"
            f"    market: {locale.market}\n"
        )
    lines = locales_file.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(index for index, line in enumerate(lines) if line.startswith("published:"))
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "-")) or not lines[end].strip()):
        end += 1
    while lines[end - 1].strip() == "":
        end -= 1
    lines[end:end] = [f"  - tag: {locale.tag}\n", f"    market: {locale.market}\n"]
    return "".join(lines)
