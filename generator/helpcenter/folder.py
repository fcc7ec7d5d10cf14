"""Read, check and prove the content folder: the one entry point to the content.

The steps run in order and each stops the ones after it only when they could
not make sense of its input: a file that does not parse is not schema-checked,
a policy with an unknown reference is not proven. Within a step, every
problem is collected.

The content folder holds ``help-center.yaml`` (what every policy shares),
``policy.yaml``, ``interface.yaml``, optionally ``locales.yaml`` (without it,
only the source locale is published), each with its JSON Schema, and the
translation catalogs in ``locales/``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.confined import links_leaving
from generator.content.diagnostics import ContentError, Diagnostic, Position, display_path
from generator.content.facts import check_links, check_markets, check_names, check_values
from generator.content.load import Document, UnreadableFileError, load_document
from generator.content.locales import LocaleSettings
from generator.content.model import HelpCenter, Interface, Policy
from generator.content.references import (
    check_default_locale_market,
    check_help_center_references,
    check_interface_references,
    check_locale_references,
    check_policy_references,
    name_values,
)
from generator.content.schema import field_descriptions, validate_against_schema
from generator.helpcenter.ledger import Ledger, ledger_problem, read_ledger, updated
from generator.i18n.catalogs import Translations, catalog_path, check_catalog, read_catalog
from generator.i18n.messages import SourceMessage, extract_messages
from generator.logic.verify import Proof, prove

POLICY_FILE = "policy.yaml"
HELP_CENTER_FILE = "help-center.yaml"
INTERFACE_FILE = "interface.yaml"
LOCALES_FILE = "locales.yaml"
CATALOGS_DIR = "locales"


@dataclass(frozen=True)
class Content:
    """A proven policy, the interface wording and the translations, ready to render."""

    policy: Policy
    interface: Interface
    proof: Proof
    policy_document: Document
    interface_document: Document
    locales: LocaleSettings
    #: What every policy shares: markets, facts, links, categories (help-center.yaml).
    help_center: HelpCenter
    help_center_document: Document
    messages: list[SourceMessage]
    #: The translations of each published locale but the source, by tag.
    translations: Mapping[str, Translations] = field(default_factory=dict)
    #: Every finder address published so far, with its answers as the policy names them now: the ledger
    #: (content/finder-addresses.yaml) brought up to date, whether or not it is written yet.
    ledger: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: In content localized for a locale (:func:`generator.helpcenter.translate.localize`), the texts it shows in
    #: another language, because their translation is stale or missing, with that language's tag.
    untranslated: Mapping[str, str] = field(default_factory=dict)
    #: The ledger as its file records it.
    recorded: Ledger = field(default_factory=Ledger)


def check_content(
    content_dir: Path, *, strict: bool = False, catalogs_required: bool = True, adding: str = ""
) -> tuple[Content | None, list[Diagnostic]]:
    """Return the content if it is sound, and every problem found in it.

    With ``strict``, a stale or missing translation in a published locale is a
    problem too (without it, that text falls back to English with a notice).
    A published locale must have its catalog, unless ``catalogs_required`` is
    false (for the translators' commands, which create it). With ``strict``, a
    finder address the ledger has not recorded is a problem too. ``adding``: the tag of a locale being
    published, whose catalog may be there already (kept from an earlier time it was published).
    """
    leaving = links_leaving(content_dir, content_dir.resolve().parent)  # the project: the folder it is in
    if leaving:
        return None, leaving
    policy_document, problems = _read(content_dir / POLICY_FILE)
    shared_document, shared_problems = _read(content_dir / HELP_CENTER_FILE)
    problems += shared_problems
    interface_document, interface_problems = _read(content_dir / INTERFACE_FILE)
    problems += interface_problems
    locales_document: Document | None = None
    if (content_dir / LOCALES_FILE).exists():
        locales_document, locales_problems = _read(content_dir / LOCALES_FILE)
        problems += locales_problems
    if shared_document is not None:
        problems += check_help_center_references(shared_document)
        problems += check_values(shared_document) + check_links(shared_document)
        policies = [policy_document] if policy_document is not None else []
        if locales_document is not None:
            problems += check_locale_references(locales_document, shared_document, policies)
        else:
            problems += check_default_locale_market(shared_document, LocaleSettings.default().source)
    if policy_document is not None and shared_document is not None:  # its facts and links may be shared ones
        problems += check_policy_references(policy_document, shared_document)
        problems += check_values(policy_document) + check_links(policy_document)
        problems += check_names([policy_document], shared_document)
    if interface_document is not None:
        problems += check_interface_references(interface_document)
    if problems or policy_document is None or interface_document is None or shared_document is None:
        return None, problems
    locales = LocaleSettings.from_data(locales_document.data) if locales_document else LocaleSettings.default()
    names = [*name_values(shared_document.data), *name_values(policy_document.data)]
    locales = dataclasses.replace(locales, names=tuple(dict.fromkeys([*locales.names, *names])))
    help_center = HelpCenter.from_data(shared_document.data, shared_document.position)
    mass_units = {market.id: market.mass_unit for market in help_center.markets.values()}
    problems = check_markets(
        [shared_document, policy_document],
        (locale.market for locale in locales.published),
        mass_units,
        help_center.mass_rounding,
    )
    if problems:
        return None, problems
    policy = Policy.from_data(policy_document.data, policy_document.position)
    proof = prove(policy)
    if not proof.holds:
        return None, proof.diagnostics
    notes = field_descriptions(content_dir / (INTERFACE_FILE.removesuffix(".yaml") + ".schema.json"))
    messages = extract_messages(policy_document, interface_document, notes, shared_document)
    translations, problems = _read_translations(
        content_dir / CATALOGS_DIR, locales, messages, strict=strict, adding=adding
    )
    if catalogs_required and locales_document is not None:
        problems += _missing_catalogs(content_dir, locales, locales_document)
    recorded, ledger_problems = read_ledger(content_dir)
    problems += ledger_problems
    ledger = updated(recorded, policy, proof.nodes)
    if strict and ledger != recorded and not ledger_problems:
        problems.append(ledger_problem(content_dir, recorded, ledger))
    if problems:
        return None, problems
    content = Content(
        policy,
        Interface.from_data(interface_document.data),
        proof,
        policy_document,
        interface_document,
        locales,
        help_center,
        shared_document,
        messages,
        translations,
        ledger.addresses,
        recorded=recorded,
    )
    return content, []


def load_content(
    content_dir: Path, *, strict: bool = False, catalogs_required: bool = True, adding: str = ""
) -> Content:
    """Return the sound content of ``content_dir``, or raise :class:`ContentError`."""
    content, problems = check_content(content_dir, strict=strict, catalogs_required=catalogs_required, adding=adding)
    if content is None:
        raise ContentError(problems)
    return content


def _missing_catalogs(content_dir: Path, locales: LocaleSettings, document: Document) -> list[Diagnostic]:
    """A published locale without its catalog: its pages would turn English without a word."""
    problems = []
    entries = document.data.get("published", [])
    for locale in locales.translated:
        path = catalog_path(content_dir / CATALOGS_DIR, locale)
        if path.exists():
            continue
        index = next(number for number, entry in enumerate(entries) if entry.get("tag") == locale.tag)
        problems.append(
            Diagnostic(
                document.position(("published", index, "tag")),
                f"{locale.tag} is published but has no catalog ({display_path(path)}): start it with "
                f"`python -m generator i18n add {locale.tag}`, or take {locale.tag} out of published:",
            )
        )
    return problems


def _read_translations(
    locales_dir: Path, locales: LocaleSettings, messages: list[SourceMessage], *, strict: bool, adding: str = ""
) -> tuple[dict[str, Translations], list[Diagnostic]]:
    translations: dict[str, Translations] = {}
    problems: list[Diagnostic] = []
    known = {f"{locale.tag}.po" for locale in locales.translated} | ({f"{adding}.po"} if adding else set())
    for path in sorted(locales_dir.glob("*.po")) if locales_dir.is_dir() else []:
        if path.name not in known:
            problems.append(
                Diagnostic(
                    Position(display_path(path)),
                    f"catalog for a locale that is not published: add '{path.stem}' to {LOCALES_FILE} "
                    "(python -m generator i18n add) or remove the file",
                )
            )
    for locale in locales.translated:
        path = catalog_path(locales_dir, locale)
        catalog, read_problems = read_catalog(path) if path.exists() else (None, [])
        problems += read_problems
        if catalog is not None:
            problems += check_catalog(catalog, messages, locale, path)
        translations[locale.tag] = found = Translations(catalog, messages, locale)
        if strict:
            problems += [
                Diagnostic(
                    Position(
                        display_path(path),
                        found.lines.get(source.context, 0),
                        1 if source.context in found.lines else 0,
                    ),
                    f"{source.context}: {'stale' if source.context in found.stale else 'missing'} translation "
                    f"of {source.text!r}",
                )
                for source in found.untranslated()
            ]
    return translations, problems


def _read(path: Path) -> tuple[Document | None, list[Diagnostic]]:
    document, problems = load_document(path)
    if document is None:
        return None, problems
    schema = path.with_name(path.stem + ".schema.json")
    try:
        schema_problems = validate_against_schema(document, schema)
    except FileNotFoundError:
        return None, [*problems, Diagnostic(Position(display_path(schema)), "file not found")]
    except UnreadableFileError as error:
        return None, [*problems, Diagnostic(Position(display_path(schema)), error.message)]
    except OSError as error:
        return None, [*problems, Diagnostic(Position(display_path(schema)), f"cannot read the file ({error.strerror})")]
    except json.JSONDecodeError as error:
        position = Position(display_path(schema), error.lineno, error.colno)
        return None, [*problems, Diagnostic(position, f"invalid JSON: {error.msg}")]
    if problems or schema_problems:
        return None, problems + schema_problems
    return document, []
