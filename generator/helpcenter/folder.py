"""Read, check and prove the content folder: the one entry point to the content.

The steps run in order and each stops the ones after it only when they could
not make sense of its input: a file that does not parse is not schema-checked,
a policy with an unknown reference is not proven. Within a step, every
problem is collected, and one policy's problems never stop another policy
from being checked and proven.

The content folder holds ``help-center.yaml`` (what every policy shares),
``policy.yaml`` (the main policy), ``policies/<id>.yaml`` (any other policy),
``interface.yaml``, optionally ``locales.yaml`` (without it, only the source
locale is published), each with its JSON Schema (the policies of
``policies/`` use ``policy.schema.json``), the translation catalogs in
``locales/`` and the ledgers of finder addresses (:mod:`generator.helpcenter.ledger`).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.confined import links_leaving
from generator.content.diagnostics import ContentError, Diagnostic, Position, display_path
from generator.content.facts import check_links, check_markets, check_names, check_values
from generator.content.load import Document, UnreadableFileError, collector_paused, load_document, skim_ids
from generator.content.locales import LocaleSettings
from generator.content.model import HelpCenter, Interface, Policy
from generator.content.references import (
    check_default_locale_market,
    check_help_center_references,
    check_interface_references,
    check_locale_references,
    check_policy_references,
    links_elsewhere,
    name_values,
)
from generator.content.reuse import Kept, Same
from generator.content.schema import field_descriptions, validate_against_schema
from generator.helpcenter.ledger import Ledger, ledger_path, ledger_problem, orphan_ledgers, read_ledger, updated
from generator.helpcenter.policies import (
    POLICY_FILE,
    PolicyFile,
    check_categories,
    check_collisions,
    check_id,
    link_targets,
    misnamed_files,
    policy_file_of,
    policy_files,
    skimmed_targets,
)
from generator.logic.verify import Proof, prove

if TYPE_CHECKING:  # the catalogs are read by the check of the whole folder only, not of one policy file
    from generator.i18n.catalogs import Translations
    from generator.i18n.messages import SourceMessage

__all__ = ["POLICY_FILE", "CheckedPolicy", "Content", "check_content", "check_policy_file", "load_content"]

HELP_CENTER_FILE = "help-center.yaml"
INTERFACE_FILE = "interface.yaml"
LOCALES_FILE = "locales.yaml"
CATALOGS_DIR = "locales"
#: The schema of every policy file, beside policy.yaml.
POLICY_SCHEMA = "policy.schema.json"
#: How many policies' checks and proofs are kept (:mod:`generator.content.reuse`): a preview of a help center
#: this size checks and proves again only the policies whose file changed.
KEPT_POLICIES = 256


@dataclass(frozen=True)
class CheckedPolicy:
    """One proven policy of the help center: its model, its proof, its file and its ledger of finder addresses."""

    policy: Policy
    proof: Proof
    document: Document
    #: Its ledger's file: ``finder-addresses.yaml`` for policy.yaml's policy, ``finder-addresses/<id>.yaml``.
    ledger_path: Path
    #: Every finder address published so far, with its answers as the policy names them now: the ledger
    #: brought up to date, whether or not it is written yet.
    ledger: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: The ledger as its file records it.
    recorded: Ledger = field(default_factory=Ledger)

    def summary(self) -> str:
        """What the proof found, after the policy's file: ``content/policy.yaml: 8 scenarios, …``."""
        return f"{self.document.file}: {self.proof.summary(self.policy)}"


@dataclass(frozen=True)
class Content:
    """The proven policies, what they share, the interface wording and the translations, ready to render.

    ``policy``, ``proof``, ``policy_document``, ``ledger`` and ``recorded``
    are those of one policy, the one in focus (:meth:`at`): the main policy
    (policy.yaml's) unless another was chosen, so that what renders one
    policy's pages reads it there.
    """

    policies: tuple[CheckedPolicy, ...]
    interface: Interface
    interface_document: Document
    locales: LocaleSettings
    #: What every policy shares: markets, facts, links, categories (help-center.yaml).
    help_center: HelpCenter
    help_center_document: Document
    messages: list[SourceMessage]
    #: The translations of each published locale but the source, by tag.
    translations: Mapping[str, Translations] = field(default_factory=dict)
    #: In content localized for a locale (:func:`generator.helpcenter.translate.localize`), the texts it shows in
    #: another language, because their translation is stale or missing, with that language's tag.
    untranslated: Mapping[str, str] = field(default_factory=dict)
    #: The index in ``policies`` of the policy in focus.
    focus: int = 0
    #: What a translator may want to look at, which does not stop a build (:mod:`generator.i18n.qa`).
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def checked(self) -> CheckedPolicy:
        """The policy in focus, with its proof, file and ledger."""
        return self.policies[self.focus]

    @property
    def policy(self) -> Policy:
        return self.checked.policy

    @property
    def proof(self) -> Proof:
        return self.checked.proof

    @property
    def policy_document(self) -> Document:
        return self.checked.document

    @property
    def ledger(self) -> Mapping[str, Mapping[str, str]]:
        return self.checked.ledger

    @property
    def recorded(self) -> Ledger:
        return self.checked.recorded

    def at(self, policy_id: str) -> Content:
        """The same content, with the policy ``policy_id`` in focus."""
        index = next(index for index, checked in enumerate(self.policies) if checked.policy.id == policy_id)
        return dataclasses.replace(self, focus=index)

    def each(self) -> list[Content]:
        """The content with each policy in focus in turn, in the help center's order."""
        return [dataclasses.replace(self, focus=index) for index in range(len(self.policies))]


@dataclass
class _Shared:
    """The files every policy needs, as read (``None``: unreadable), and their problems."""

    help_center: Document | None
    interface: Document | None
    locales: Document | None
    problems: list[Diagnostic]


def _read_shared(content_dir: Path) -> _Shared:
    shared_document, problems = _read(content_dir / HELP_CENTER_FILE)
    interface_document, interface_problems = _read(content_dir / INTERFACE_FILE)
    problems += interface_problems
    locales_document: Document | None = None
    if (content_dir / LOCALES_FILE).exists():
        locales_document, locales_problems = _read(content_dir / LOCALES_FILE)
        problems += locales_problems
    if interface_document is not None:
        problems += check_interface_references(interface_document)
    return _Shared(shared_document, interface_document, locales_document, problems)


def _locale_settings(shared: _Shared, documents: list[Document]) -> LocaleSettings:
    """The published locales, and every name of the help center (shared and the policies' own)."""
    locales = LocaleSettings.from_data(shared.locales.data) if shared.locales else LocaleSettings.default()
    names = [name for document in [shared.help_center, *documents] if document for name in name_values(document.data)]
    return dataclasses.replace(locales, names=tuple(dict.fromkeys([*locales.names, *names])))


#: A policy file as read: the file, its document (``None`` if it could not be read), the problems reading it.
_Read = tuple[PolicyFile, Document | None, list[Diagnostic]]


def _read_policies(files: list[PolicyFile]) -> list[_Read]:
    """Read each policy file and check it against the policy schema."""
    return [(file, *_read(file.path, _schema_of(file))) for file in files]


def _check_policies(
    read: list[_Read],
    shared: Document,
    *,
    targets: frozenset[str] = frozenset(),
    unread: frozenset[str] = frozenset(),
    every_policy: bool = True,
) -> tuple[list[tuple[PolicyFile, Document | None]], list[Diagnostic]]:
    """Check each policy read on its own, then what policies may not share; return each file's document
    (``None`` if it could not be read) and every problem but those of reading.

    ``targets``: the pages of policies not in ``read`` a text may link to; ``unread``: the ids of policies not in
    ``read`` whose files could not be parsed (a link to them is not said to be unknown);
    ``every_policy``: whether ``read`` are all the help center's policies (a shared fact or link, or a category,
    that none of them uses is then an error).
    """
    problems: list[Diagnostic] = []
    documents = [document for _, document, _ in read if document is not None]
    unread = unread | frozenset(file.path.stem for file, document, _ in read if document is None and not file.main)
    targets = targets | link_targets(documents)
    misnamed: set[int] = set()  # a file named after another id says so, and claims nothing
    for file, document, _ in read:
        if document is None:
            continue
        if id_problems := check_id(document, file):
            misnamed.add(id(document))
        problems += id_problems
        key = (Same(document), Same(shared), targets, unread)
        work = functools.partial(_problems_of, document, shared, targets, unread)
        problems += _policy_problems.get(document.file, key, work)
    problems += check_collisions([document for document in documents if id(document) not in misnamed])
    problems += check_names(documents, shared, every_policy=every_policy and not unread and len(documents) == len(read))
    if every_policy and len(documents) == len(read):
        problems += check_categories(shared, documents)
    return [(file, document) for file, document, _ in read], problems


#: The problems of each policy on its own (:func:`_problems_of`), by document and what else they depend on.
_policy_problems: Kept[tuple[Hashable, ...], tuple[Diagnostic, ...]] = Kept(KEPT_POLICIES)


def _problems_of(
    document: Document, shared: Document, targets: frozenset[str], unread: frozenset[str]
) -> tuple[Diagnostic, ...]:
    """The problems of one policy on its own: its references, its facts' values and its links."""
    found = check_policy_references(document, shared, targets, unread)
    return (*found, *check_values(document), *check_links(document))


def _check_markets(shared: Document, documents: list[Document], locales: LocaleSettings) -> list[Diagnostic]:
    """A value for each market a published locale reads, and no mass shown as 0 (:func:`check_markets`)."""
    help_center = HelpCenter.from_data(shared.data, shared.position)
    return check_markets(
        documents,
        (locale.market for locale in locales.published),
        {market.id: market.mass_unit for market in help_center.markets.values()},
        help_center.mass_rounding,
    )


def _schema_of(file: PolicyFile) -> Path:
    """Every policy file is checked against policy.schema.json, beside policy.yaml."""
    return (file.path.parent if file.main else file.path.parent.parent) / POLICY_SCHEMA


def _prove(
    checked: list[tuple[PolicyFile, Document | None]], problems: list[Diagnostic], content_dir: Path, *, strict: bool
) -> tuple[list[CheckedPolicy], list[Diagnostic]]:
    """Prove each policy whose file has no problem yet, and read its ledger; return the proven ones and the
    problems found (those of each policy on its own)."""
    with_problems = {problem.position.file for problem in problems}
    proven: list[CheckedPolicy] = []
    found: list[Diagnostic] = []
    for file, document in checked:
        if document is None or document.file in with_problems:
            continue
        policy, proof = _proofs.get(document.file, Same(document), functools.partial(_proof_of, document))
        if not proof.holds:
            found += proof.diagnostics
            continue
        path = ledger_path(content_dir, policy.id, main=file.main)
        recorded, ledger_problems = read_ledger(path, policy.finder_dir)
        found += ledger_problems
        key = (Same(document), Same(proof), path, Same(recorded))
        checked_policy, ledger = _checked.get(
            document.file, key, functools.partial(_checked_policy, policy, proof, document, path, recorded)
        )
        if strict and ledger != recorded and not ledger_problems:
            found.append(ledger_problem(path, recorded, ledger))
        proven.append(checked_policy)
    return proven, found


#: Each policy and its proof, by its document.
_proofs: Kept[Same, tuple[Policy, Proof]] = Kept(KEPT_POLICIES)
#: Each proven policy with its ledger brought up to date, by its document, its proof and its recorded ledger.
_checked: Kept[tuple[Hashable, ...], tuple[CheckedPolicy, Ledger]] = Kept(KEPT_POLICIES)


def _proof_of(document: Document) -> tuple[Policy, Proof]:
    policy = Policy.from_data(document.data, document.position)
    return policy, prove(policy)


def _checked_policy(
    policy: Policy, proof: Proof, document: Document, path: Path, recorded: Ledger
) -> tuple[CheckedPolicy, Ledger]:
    """The proven policy, and its ledger brought up to date."""
    ledger = updated(recorded, policy, proof.nodes)
    return CheckedPolicy(policy, proof, document, path, ledger.addresses, recorded), ledger


def _located(messages: list[SourceMessage], content_dir: Path) -> list[SourceMessage]:
    """Name each message's file as the catalogs' ``#:`` lines do: from the working folder, as every message
    says it, or, for a content folder outside it, from the folder the content folder is in, never from the
    machine's root (a catalog is committed, and read on other machines)."""
    if not any(Path(message.file).is_absolute() for message in messages):
        return messages
    project = content_dir.resolve().parent
    return [
        dataclasses.replace(message, file=Path(message.file).resolve().relative_to(project).as_posix())
        if Path(message.file).is_absolute()
        else message
        for message in messages
    ]


@collector_paused()  # a fifth of a help center's check went to walking its objects again and again
def check_content(
    content_dir: Path, *, strict: bool = False, catalogs_required: bool = True, adding: str = ""
) -> tuple[Content | None, list[Diagnostic]]:
    """Return the content if it is sound, and every problem found in it.

    With ``strict``, a stale or missing translation in a published locale is a
    problem too (without it, that text falls back to English with a notice), and
    so is a translator's slip that is otherwise a warning (:attr:`Content.warnings`;
    when there are problems, they are listed after them).
    A published locale must have its catalog, unless ``catalogs_required`` is
    false (for the translators' commands, which create it). With ``strict``, a
    finder address a ledger has not recorded is a problem too. ``adding``: the tag of a locale being
    published, whose catalog may be there already (kept from an earlier time it was published).
    """
    leaving = links_leaving(content_dir, content_dir.resolve().parent)  # the project: the folder it is in
    if leaving:
        return None, leaving
    read = _read_policies(policy_files(content_dir))
    problems = [problem for _, _, found in read for problem in found] + misnamed_files(content_dir)
    shared = _read_shared(content_dir)
    problems += shared.problems
    if shared.help_center is None:  # every policy's facts, links and category may be shared ones
        return None, problems
    problems += check_help_center_references(shared.help_center)
    problems += check_values(shared.help_center) + check_links(shared.help_center)
    checked, policy_problems = _check_policies(read, shared.help_center)
    documents = [document for _, document in checked if document is not None]
    if shared.locales is not None:
        problems += check_locale_references(shared.locales, shared.help_center, documents)
    else:
        problems += check_default_locale_market(shared.help_center, LocaleSettings.default().source)
    locales = _locale_settings(shared, documents)
    if not problems:  # the markets, their units and the published locales are known
        problems += _check_markets(shared.help_center, [shared.help_center, *documents], locales)
    problems += policy_problems
    proven, proof_problems = _prove(checked, problems, content_dir, strict=strict)
    problems += proof_problems + orphan_ledgers(content_dir, {file.path.stem for file, _ in checked if not file.main})
    if problems or shared.interface is None:
        return None, problems
    from generator.i18n.messages import extract_messages

    notes = field_descriptions(content_dir / (INTERFACE_FILE.removesuffix(".yaml") + ".schema.json"))
    messages = _located(extract_messages(documents, shared.interface, notes, shared.help_center), content_dir)
    translations, problems, warnings = _read_translations(
        content_dir / CATALOGS_DIR, locales, messages, strict=strict, adding=adding
    )
    if catalogs_required and shared.locales is not None:
        problems += _missing_catalogs(content_dir, locales, shared.locales)
    if problems:
        return None, problems + warnings
    content = Content(
        policies=tuple(proven),
        interface=Interface.from_data(shared.interface.data),
        interface_document=shared.interface,
        locales=locales,
        help_center=HelpCenter.from_data(shared.help_center.data, shared.help_center.position),
        help_center_document=shared.help_center,
        messages=messages,
        translations=translations,
        warnings=tuple(warnings),
    )
    return content, []


@collector_paused()
def check_policy_file(content_dir: Path, file: Path) -> tuple[CheckedPolicy | None, list[Diagnostic]]:
    """Check and prove the one policy in ``file`` with the files every policy shares, fast: while editing it.

    The other policies are only glanced at, for the pages a text may link to,
    and only if a text links to a page that is not the policy's own; the
    catalogs are not read (``check`` of the whole folder does). Returns the
    proven policy, or ``None``, and the problems of ``file`` and of the shared
    files.
    """
    chosen = policy_file_of(content_dir, file)
    if chosen is None:
        where = Position(display_path(file))
        listed = f"{display_path(content_dir / POLICY_FILE)} or {display_path(content_dir / 'policies')}/<id>.yaml"
        if not file.exists():
            return None, [
                Diagnostic(where, f"there is no such file: a policy of {display_path(content_dir)} is {listed}")
            ]
        return None, [Diagnostic(where, f"this is not a policy of {display_path(content_dir)}: a policy is {listed}")]
    read = _read_policies([chosen])
    problems = [problem for _, _, found in read for problem in found]
    shared = _read_shared(content_dir)
    problems += shared.problems
    if shared.help_center is None:
        return None, problems
    problems += check_help_center_references(shared.help_center)
    problems += check_values(shared.help_center) + check_links(shared.help_center)
    targets: set[str] = set()
    unread: set[str] = set()  # as in the whole check, a link to a policy whose file cannot be parsed is not unknown
    if any(links_elsewhere(document, shared.help_center) for _, document, _ in read if document is not None):
        for other in policy_files(content_dir):
            if other.path.resolve() != chosen.path.resolve():
                skimmed = skim_ids(other.path)  # a glance: only what a link may name
                targets |= skimmed_targets(skimmed)
                if skimmed is None and not other.main:
                    unread.add(other.path.stem)
    checked, policy_problems = _check_policies(
        read, shared.help_center, targets=frozenset(targets), unread=frozenset(unread), every_policy=False
    )
    documents = [document for _, document in checked if document is not None]
    if shared.locales is not None:
        problems += check_locale_references(shared.locales, shared.help_center, documents)
    locales = _locale_settings(shared, documents)
    if not problems:
        problems += _check_markets(shared.help_center, [shared.help_center, *documents], locales)
    problems += policy_problems
    proven, proof_problems = _prove(checked, problems, content_dir, strict=False)
    problems += proof_problems
    return (proven[0] if proven and not problems else None), problems


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
    from generator.i18n.catalogs import catalog_path

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
) -> tuple[dict[str, Translations], list[Diagnostic], list[Diagnostic]]:
    """Read and check every catalog, parents first: the translations of each locale that reads one (a locale in
    the source language, only when it or a locale it inherits from has a catalog of its own texts), the problems
    and the warnings (with ``strict``, the warnings are problems)."""
    from generator.i18n.catalogs import Translations, catalog_path, check_catalog, read_catalog
    from generator.i18n.plural_rules import plural_forms
    from generator.i18n.qa import qa_warnings
    from generator.i18n.variants import Inherited, translations_of

    translations: dict[str, Translations] = {}
    problems: list[Diagnostic] = []
    warnings: list[Diagnostic] = []
    known = {f"{locale.tag}.po" for locale in locales.with_catalogs} | ({f"{adding}.po"} if adding else set())
    for path in sorted(locales_dir.glob("*.po")) if locales_dir.is_dir() else []:
        if path.name not in known:
            problems.append(
                Diagnostic(
                    Position(display_path(path)),
                    f"catalog for a locale that is not published: add '{path.stem}' to {LOCALES_FILE} "
                    "(python -m generator i18n add) or remove the file",
                )
            )
    yaml_wording = Translations.source(messages, locales.source)
    for locale in locales.with_catalogs:
        path = catalog_path(locales_dir, locale)
        catalog, read_problems = read_catalog(path) if path.exists() else (None, [])
        problems += read_problems
        parent = locales.parent_of(locale)
        inherited = (translations.get(parent.tag) or yaml_wording) if parent is not None else None
        found = translations_of(catalog, messages, locale, inherited)
        if locales.reads_source(locale) and not (isinstance(found, Inherited) and any(found.catalogs)):
            continue  # the YAML is its wording, as the source's
        translations[locale.tag] = found
        if catalog is not None:
            problems += check_catalog(catalog, messages, locale, path, found.expected)
            categories = plural_forms(locale.babel).categories
            warnings += qa_warnings(catalog, found.expected, locales.names, path, categories)
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
                for source in found.to_do()
            ]
    if strict:
        return translations, problems + [dataclasses.replace(warning, severity="error") for warning in warnings], []
    return translations, problems, warnings


def _read(path: Path, schema: Path | None = None) -> tuple[Document | None, list[Diagnostic]]:
    """Read ``path`` and check it against ``schema`` (by default, its own: ``x.schema.json`` beside ``x.yaml``)."""
    document, problems = load_document(path)
    if document is None:
        return None, problems
    schema = schema or path.with_name(path.stem + ".schema.json")
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
