"""The command line: ``python -m generator check`` and ``python -m generator build``.

It only parses arguments and calls the modules that do the work; problems in
the content are printed as ``path:line:col: error: message`` and exit 1.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.content import check_content
from generator.diagnostics import display_path, format_diagnostic
from generator.locales import SOURCE_LOCALE, SiteLocale

#: The locales `build` publishes.
PUBLISHED_LOCALES = [SOURCE_LOCALE]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="prove the policy: complete, unambiguous, every part used")
    check.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")
    build = commands.add_parser("build", help="check, then build the static site, a folder per locale")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration")
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="where to write the site (default: site)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args.content)
    return run_build(args.config, args.site_dir)


def run_check(content_dir: Path) -> int:
    """Print every problem in the content, or what was proven."""
    content, problems = check_content(content_dir)
    for problem in problems:
        print(format_diagnostic(problem), file=sys.stderr)
    if content is None:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", file=sys.stderr)
        return 1
    print(f"{display_path(content_dir / 'policy.yaml')}: {content.proof.summary(content.policy)}")
    return 0


def run_build(config_file: Path, site_dir: Path) -> int:
    """Check the content, then build every published locale."""
    status = run_check(config_file.parent / "content")
    if status:
        return status
    from generator.site import BuildError, build_site  # MkDocs is only needed to build

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        build_site(config_file, site_dir, [SiteLocale(tag) for tag in PUBLISHED_LOCALES])
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Built {', '.join(PUBLISHED_LOCALES)} into {display_path(site_dir)}/")
    return 0
