"""The command line: ``python -m generator check | build | serve | addresses | diff | report | i18n``.

It only parses arguments and calls the modules that do the work; problems in
the content are printed as ``path:line:col: error: message`` and exit 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from pathlib import Path

from generator.content.diagnostics import ContentError, Diagnostic, Position, display_path, format_diagnostic, printable
from generator.content.locales import SiteLocale
from generator.helpcenter import catalog_commands as i18n
from generator.helpcenter.catalog_commands import describe
from generator.helpcenter.folder import Content, check_content
from generator.helpcenter.ledger import LEDGER_FILE, LedgerError, moved_lines, record, updated
from generator.i18n.catalogs import Pending

#: What ``--help`` says first: plain words, as a terminal shows them (no reST from the docstrings).
DESCRIPTION = (
    "Prove the help center's policy, build its site in every published locale, preview it, "
    "say what an edit changes, and keep its translations."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="prove the policy: complete, unambiguous, every part used")
    check.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")
    check.add_argument("--strict", action="store_true", help="a stale or missing translation is an error too")
    build = commands.add_parser("build", help="check, then build the static site, a folder per locale")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration")
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="where to write the site (default: site)")
    build.add_argument("--strict", action="store_true", help="fail on any stale or missing translation")
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
    report = commands.add_parser("report", help="write the policy table and the finder's flow to one HTML file")
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
    status = steps.add_parser("status", help="per locale: translated, stale, missing, percent")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.add_argument(
        "--list", metavar="LOCALE", help="list each stale or missing text of LOCALE: context, English before and now"
    )
    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args.content, strict=args.strict)
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
    _say_proven(content_dir, content)
    return 0


def run_addresses(content_dir: Path) -> int:
    """Record the finder's new addresses in the ledger; say which recorded ones moved, and where to."""
    content, problems = check_content(content_dir)
    if content is None:
        return _report(problems)
    moved = moved_lines(content.recorded, content.policy, content.proof.nodes)
    try:
        lines = _record(content_dir, content)
    except OSError as error:
        return _cannot_write(content_dir / LEDGER_FILE, error)
    except LedgerError as error:
        return _report([Diagnostic(Position(display_path(content_dir / LEDGER_FILE)), str(error))])
    count = len(content.ledger)
    lines += moved
    _show("\n".join(lines or [f"{display_path(content_dir / LEDGER_FILE)}: up to date ({count:,} finder addresses)"]))
    return 0


def _record(content_dir: Path, content: Content) -> list[str]:
    """Write the ledger brought up to date with the content's finder; return what was done, in lines."""
    return record(content_dir, content.recorded, updated(content.recorded, content.policy, content.proof.nodes))


def _say_proven(content_dir: Path, content: Content) -> None:
    print(f"{display_path(content_dir / 'policy.yaml')}: {content.proof.summary(content.policy)}")
    for line in moved_lines(content.recorded, content.policy, content.proof.nodes):
        _show(line)
    for locale in content.locales.translated:
        found = content.translations[locale.tag].status()
        if found.translated < found.total:
            print(f"{locale.tag}: {describe(found)}; these texts show in English with a notice")


def run_i18n(args: argparse.Namespace) -> int:
    """Run one step of the translators' workflow."""
    try:
        if args.step == "extract":
            lines = i18n.extract(args.content)
        elif args.step == "update":
            lines = i18n.update(args.content)
        elif args.step == "add":
            lines = i18n.add(args.content, args.locale, args.market)
        elif args.list:
            path, found_pending = i18n.pending(args.content, args.list)
            if args.json:
                _show(json.dumps([entry.as_dict() for entry in found_pending], indent=2, ensure_ascii=False))
                return 0
            lines = [line for entry in found_pending for line in _pending_lines(path, entry)]
            lines = lines or [f"{display_path(path)}: every text is translated"]
        else:
            found = i18n.status(args.content)
            if args.json:
                print(json.dumps([status.as_dict() for status in found], indent=2))
                return 0
            lines = [f"{status.locale}: {describe(status)}" for status in found]
    except ContentError as error:
        return _report(error.diagnostics)
    _show("\n".join(lines))
    return 0


def _pending_lines(path: Path, entry: Pending) -> list[str]:
    where = f"{display_path(path)}:{entry.line}" if entry.line else display_path(path)
    lines = [f"{where}: {entry.state}: {entry.context}"]
    if entry.previous_english is not None:
        lines.append(f"  was: {entry.previous_english}")
    lines.append(f"  now: {entry.english}")
    return lines


def run_diff(content_dir: Path, old: str, new: str | None, output_format: str) -> int:
    """Say what ``new`` changes with respect to ``old``, on the rules, never by enumerating combinations."""
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
    """Check the content, then write the review of the chosen locales to one file."""
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
    print(f"{display_path(output)}: the review of {', '.join(locale.tag for locale in locales)}")
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
    try:
        recorded = _record(content_dir, content)
    except OSError as error:
        where, reason = display_path(content_dir / LEDGER_FILE), error.strerror or error
        said = (
            f"the site is built, but its new finder addresses cannot be written ({reason}); build again once they can"
        )
        print(f"{where}: error: {said}", file=sys.stderr)
        return 1
    except LedgerError as error:
        print(f"{display_path(content_dir / LEDGER_FILE)}: error: the site is built, but {error}", file=sys.stderr)
        return 1
    for line in recorded:
        print(f"{line}: commit it, so that these addresses keep working")
    return 0


def _cannot_write(path: Path, error: OSError, what: str = "the file") -> int:
    print(f"{display_path(path)}: error: cannot write {what} ({error.strerror or error})", file=sys.stderr)
    return 1


def run_serve(config_file: Path, locale: str, address: str) -> int:
    """Preview one locale until interrupted."""
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
    for problem in problems:
        print(format_diagnostic(problem), file=sys.stderr)
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", file=sys.stderr)
    return 1
