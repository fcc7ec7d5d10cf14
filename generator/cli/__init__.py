"""The command line: ``python -m generator check | build | serve | addresses | diff | report | i18n``.

It only parses arguments and calls the modules that do the work; problems in
the content are printed as ``path:line:col: error: message`` and exit 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.diagnostics import ContentError, Diagnostic, Position, display_path, format_diagnostic, printable
from generator.helpcenter.folder import CheckedPolicy, Content, check_content, check_policy_file
from generator.helpcenter.ledger import LedgerError, moved_lines, record, updated
from generator.helpcenter.policies import POLICIES_DIR

if TYPE_CHECKING:  # what a command needs is imported in it: `check` of one file stays fast
    from generator.content.locales import SiteLocale
    from generator.i18n.catalogs import Pending

#: What ``--help`` says first: plain words, as a terminal shows them (no reST from the docstrings).
DESCRIPTION = (
    "Prove the help center's policy, build its site in every published locale, preview it, "
    "say what an edit changes, and keep its translations."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="prove the policies: complete, unambiguous, every part used")
    check.add_argument(
        "file", nargs="?", type=Path, help="check only this policy file, with what the policies share (fast)"
    )
    check.add_argument("--content", type=Path, help="the content folder (default: the policy file's, or content)")
    check.add_argument(
        "--strict",
        action="store_true",
        help="a stale or missing translation, and a translator QA warning, is an error too",
    )
    build = commands.add_parser("build", help="check, then build the static site, a folder per locale")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration")
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="where to write the site (default: site)")
    build.add_argument(
        "--strict", action="store_true", help="fail on any stale or missing translation or translator QA warning"
    )
    build.add_argument("--locale", action="append", help="build only this locale (repeatable); default: all published")
    serve = commands.add_parser("serve", help="preview one locale with live reload (make serve)")
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration")
    serve.add_argument("--locale", default="en-US", help="the locale to preview (default: en-US)")
    serve.add_argument(
        "--dev-addr", default="127.0.0.1:8000", help="host:port to serve on (default: 127.0.0.1:8000; port 0: any)"
    )
    addresses = commands.add_parser("addresses", help="record the finder's addresses, so that none ever breaks")
    addresses.add_argument(
        "--content", type=Path, default=Path("content"), help="the content folder (default: content)"
    )
    diff = commands.add_parser(
        "diff",
        help="what an edit changes for customers: outcomes, texts, facts, links, markets, locales, finder addresses",
    )
    diff.add_argument("old", nargs="?", default="HEAD", help="a git revision or a folder (default: HEAD)")
    diff.add_argument("new", nargs="?", help="a git revision or a folder (default: the content folder as it is)")
    diff.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")
    diff.add_argument("--format", choices=["text", "markdown", "json"], default="text", help="default: text")
    report = commands.add_parser("report", help="write every policy's table and finder's flow to one HTML file")
    report.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")
    report.add_argument(
        "-o", "--output", type=Path, default=Path("report.html"), help="the file to write (default: report.html)"
    )
    report.add_argument("--locale", action="append", help="only this locale (repeatable); default: all published")
    i18n = commands.add_parser("i18n", help="the translators' workflow: extract, update, add, status")
    i18n.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")
    steps = i18n.add_subparsers(dest="step", required=True)
    steps.add_parser("extract", help="write locales/messages.pot, the template of every English text")
    steps.add_parser("update", help="extract, then merge the template into every catalog (changed English → fuzzy)")
    add = steps.add_parser("add", help="publish a new locale and start its catalog")
    add.add_argument("locale", help="a locale tag such as nl-NL")
    add.add_argument("--market", help="the market it reads (default: its region, e.g. nl)")
    add.add_argument(
        "--from",
        dest="copy_from",
        metavar="LOCALE",
        help="start with a copy of LOCALE's translations, inheriting from none (default: inherit from its parent)",
    )
    override = steps.add_parser(
        "override", help="give a locale that inherits its own translation of one text, starting from its parent's"
    )
    override.add_argument("locale", help="the locale that inherits, such as fr-BE")
    override.add_argument("context", help="the text's context (its msgctxt), such as warranty/article/title")
    status = steps.add_parser("status", help="per locale: translated, stale, missing, percent")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.add_argument(
        "--list", metavar="LOCALE", help="list each stale or missing text of LOCALE: context, English before and now"
    )
    args = parser.parse_args(argv)
    if args.command == "check":
        if args.file is not None:
            return run_check_file(args.content or content_folder_of_file(args.file), args.file)
        return run_check(args.content or Path("content"), strict=args.strict)
    if args.command == "i18n":
        return run_i18n(args)
    if args.command == "addresses":
        return run_addresses(args.content)
    if args.command == "diff":
        return run_diff(args.content, args.old, args.new, args.format)
    if args.command == "report":
        return run_report(args.content, args.output, only=args.locale)
    if args.command == "serve":
        return run_serve(args.config, args.locale, args.dev_addr)
    return run_build(args.config, args.site_dir, strict=args.strict, only=args.locale)


def run_check(content_dir: Path, *, strict: bool = False) -> int:
    """Print every problem in the content, or what was proven."""
    content, problems = check_content(content_dir, strict=strict)
    if content is None:
        return _report(problems)
    _warn(content.warnings)
    _say_proven(content_dir, content)
    return 0


def content_folder_of_file(file: Path) -> Path:
    """The content folder of a policy file: policy.yaml's folder, or the folder above ``policies/``."""
    folder = file.parent
    return folder.parent if folder.name == POLICIES_DIR else folder


def run_check_file(content_dir: Path, file: Path) -> int:
    """Check and prove one policy file with the files the policies share; print what was proven."""
    checked, problems = check_policy_file(content_dir, file)
    if checked is None:
        return _report(problems)
    _show(checked.summary())
    for line in moved_lines(checked.recorded, checked.policy, checked.proof.nodes):
        _show(line)
    return 0


def run_addresses(content_dir: Path) -> int:
    """Record each finder's new addresses in its ledger; say which recorded ones moved, and where to."""
    content, problems = check_content(content_dir)
    if content is None:
        return _report(problems)
    said: list[str] = []
    for checked in content.policies:
        moved = moved_lines(checked.recorded, checked.policy, checked.proof.nodes)
        try:
            lines = _record(checked)
        except OSError as error:
            return _cannot_write(checked.ledger_path, error)
        except LedgerError as error:
            return _report([Diagnostic(Position(display_path(checked.ledger_path)), str(error))])
        count = len(checked.ledger)
        said += lines + moved or [f"{display_path(checked.ledger_path)}: up to date ({count:,} finder addresses)"]
    _show("\n".join(said))
    return 0


def _record(checked: CheckedPolicy) -> list[str]:
    """Write the policy's ledger brought up to date with its finder; return what was done, in lines."""
    ledger = updated(checked.recorded, checked.policy, checked.proof.nodes)
    return record(checked.ledger_path, checked.recorded, ledger, checked.policy.finder_dir)


def _say_proven(content_dir: Path, content: Content) -> None:
    for checked in content.policies:
        _show(checked.summary())
        for line in moved_lines(checked.recorded, checked.policy, checked.proof.nodes):
            _show(line)
    from generator.helpcenter.catalog_commands import describe, shown_meanwhile

    for tag, translations in content.translations.items():
        found = translations.status()
        if found.missing or found.stale:
            print(f"{tag}: {describe(found)}; {shown_meanwhile(translations, content.locales.source.tag)}")


def run_i18n(args: argparse.Namespace) -> int:
    """Run one step of the translators' workflow."""
    from generator.helpcenter import catalog_commands as i18n
    from generator.helpcenter.catalog_commands import describe

    try:
        if args.step == "extract":
            lines = i18n.extract(args.content)
        elif args.step == "update":
            lines = i18n.update(args.content)
        elif args.step == "add":
            lines = i18n.add(args.content, args.locale, args.market, args.copy_from)
        elif args.step == "override":
            from generator.helpcenter.variant_commands import override

            lines = override(args.content, args.locale, args.context)
        elif args.list:
            path, found_pending = i18n.pending(args.content, args.list)
            if args.json:
                _show(json.dumps([entry.as_dict() for entry in found_pending], indent=2, ensure_ascii=False))
                return 0
            lines = [line for entry in found_pending for line in _pending_lines(path, entry)]
            lines = lines or [f"{display_path(path)}: every text is translated"]
        else:
            found = i18n.status_by_part(args.content)
            if args.json:
                shown = [
                    {**total.as_dict(), "parts": {k: v.as_dict() for k, v in parts.items()}} for total, parts in found
                ]
                print(json.dumps(shown, indent=2))
                return 0
            lines = []
            for total, parts in found:
                lines.append(f"{total.locale}: {describe(total)}")
                lines += [f"  {part}: {describe(status)}" for part, status in parts.items()]
    except ContentError as error:
        return _report(error.diagnostics)
    _show("\n".join(lines))
    return 0


def _pending_lines(path: Path, entry: Pending) -> list[str]:
    if entry.waiting_for is not None:
        return [f"{display_path(path)}: waiting for {entry.waiting_for}: {entry.context}", f"  now: {entry.english}"]
    where = f"{display_path(path)}:{entry.line}" if entry.line else display_path(path)
    lines = [f"{where}: {entry.state}: {entry.context}"]
    if entry.previous_english is not None:
        lines.append(f"  was: {entry.previous_english}")
    lines.append(f"  now: {entry.english}")
    return lines


def run_diff(content_dir: Path, old: str, new: str | None, output_format: str) -> int:
    """Say what ``new`` changes with respect to ``old``, on the rules, never by enumerating combinations."""
    import tempfile

    from generator.cli.diff_format import as_lines
    from generator.content.versions import VersionError, content_folder_of, renamed
    from generator.helpcenter.compare import TooManyChangesError, compare

    versions = []
    with tempfile.TemporaryDirectory(prefix="policy-diff-") as workdir:
        for index, spec in enumerate([old, new]):
            try:
                folder, name = (
                    content_folder_of(spec, content_dir, Path(workdir) / str(index))
                    if spec is not None
                    else (content_dir, None)
                )
            except VersionError as error:
                print(printable(f"error: {error}"), file=sys.stderr)
                return 1
            content, problems = check_content(folder, catalogs_required=False)
            if content is None:
                return _report(renamed(problems, folder, name))
            versions.append(content)
    try:
        comparison = compare(*versions)
    except TooManyChangesError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if output_format == "json":
        _show(json.dumps(comparison.as_dict(), indent=2, ensure_ascii=False))
        return 0
    names = [old, new or display_path(content_dir)]
    _show("\n".join(as_lines(comparison, *names, markdown=output_format == "markdown")))
    return 0


def run_report(content_dir: Path, output: Path, *, only: list[str] | None = None) -> int:
    """Check the content, then write the review of every policy in the chosen locales to one file."""
    from generator.content.publish import OutputError
    from generator.rendering.report import check_report_path, write_report

    try:
        check_report_path(output, content_dir)  # refused before the content is proven
    except OutputError as error:
        print(error, file=sys.stderr)
        return 1
    content, problems = check_content(content_dir)
    if content is None:
        return _report(problems)
    locales, unknown = _chosen(content.locales.published, only)
    if unknown:
        print(f"error: not a published locale: {', '.join(unknown)}", file=sys.stderr)
        return 1
    try:
        write_report(content, list(locales), output)
    except OSError as error:
        return _cannot_write(output, error, "the report")
    policies = ", ".join(checked.policy.id for checked in content.policies)
    print(f"{display_path(output)}: the review of {policies} in {', '.join(locale.tag for locale in locales)}")
    return 0


def _chosen(published: tuple[SiteLocale, ...], only: list[str] | None) -> tuple[tuple[SiteLocale, ...], list[str]]:
    """Return the published locales named in ``only``, in any letter case (all if it is empty), and the names that
    are none."""
    if not only:
        return published, []
    wanted = {tag.lower() for tag in only}
    unknown = [tag for tag in only if not any(locale.tag.lower() == tag.lower() for locale in published)]
    return tuple(locale for locale in published if locale.tag.lower() in wanted), unknown


def run_build(config_file: Path, site_dir: Path, *, strict: bool = False, only: list[str] | None = None) -> int:
    """Check the content once, then build every published locale (in parallel) from it."""
    import logging

    from generator.content.publish import OutputError
    from generator.helpcenter.proven import prove_folder
    from generator.mkdocs.config import BuildError, content_folder, site_folder  # MkDocs is only needed to build
    from generator.mkdocs.site import build_site

    try:
        content_dir = content_folder(config_file)
        site_folder(config_file, site_dir)  # refused before anything is proven or built
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OutputError as error:
        print(error, file=sys.stderr)
        return 1
    except ContentError as error:
        return _report(error.diagnostics)
    proven, problems = prove_folder(content_dir, strict=strict)
    if proven is None:
        return _report(problems)
    content = proven.content
    _warn(content.warnings)
    _say_proven(content_dir, content)
    locales, unknown = _chosen(content.locales.published, only)
    if unknown:
        print(f"error: not a published locale: {', '.join(unknown)}", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        build_site(config_file, site_dir, list(locales), strict=strict, proven=proven)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OutputError as error:
        print(error, file=sys.stderr)
        return 1
    except ContentError as error:
        return _report(error.diagnostics)
    print(f"Built {', '.join(locale.tag for locale in locales)} into {display_path(site_dir)}/")
    for checked in content.policies:
        where = display_path(checked.ledger_path)
        try:
            recorded = _record(checked)
        except OSError as error:
            said = (
                f"the site is built, but its new finder addresses cannot be written ({error.strerror or error}); "
                "build again once they can"
            )
            print(f"{where}: error: {said}", file=sys.stderr)
            return 1
        except LedgerError as error:
            print(f"{where}: error: the site is built, but {error}", file=sys.stderr)
            return 1
        for line in recorded:
            print(f"{line}: commit it, so that these addresses keep working")
    return 0


def _cannot_write(path: Path, error: OSError, what: str = "the file") -> int:
    print(f"{display_path(path)}: error: cannot write {what} ({error.strerror or error})", file=sys.stderr)
    return 1


def run_serve(config_file: Path, locale: str, address: str) -> int:
    """Preview one locale until interrupted."""
    import logging

    from generator.mkdocs.preview import serve  # MkDocs is only needed to build

    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65535:
        print(f"error: --dev-addr must be host:port with a port from 0 to 65535, not {address!r}", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    return serve(config_file, locale=locale, host=host, port=int(port))


def _show(text: str) -> None:
    """Print ``text``, which quotes the content, line by line, with what would act on a terminal escaped."""
    print("\n".join(printable(line) for line in text.split("\n")))


def _report(problems: list[Diagnostic]) -> int:
    """Print every problem (and warning, after them) and how many there are; return the exit status: 1."""
    for problem in problems:
        print(format_diagnostic(problem), file=sys.stderr)
    count = sum(problem.severity != "warning" for problem in problems)
    print(f"{count} problem{'s' if count != 1 else ''} found{_and_warnings(len(problems) - count)}", file=sys.stderr)
    return 1


def _warn(warnings: Sequence[Diagnostic]) -> None:
    """Print what a translator may want to look at; it does not make the command fail."""
    for warning in warnings:
        print(format_diagnostic(warning), file=sys.stderr)
    if warnings:
        count = len(warnings)
        print(
            f"{count} warning{'s' if count != 1 else ''} (check --strict fails on them; a flag ignore-<check> on the "
            "entry silences one)",
            file=sys.stderr,
        )


def _and_warnings(count: int) -> str:
    return f", and {count} warning{'s' if count != 1 else ''}" if count else ""
