"""Record what customers read on every page of a built site: `python tools/golden_pages.py --update SITE_DIR`.

Writes ``tests/golden/pages/<locale>.json`` for each published locale of ``content/locales.yaml``: by page path
relative to the locale's folder (``index.html``, ``finder/not-flagged/index.html``, ``404.html``), the page's title,
description, the text and the links of its main content (``page_text`` in ``tests/support.py``). The review page
is left out: an editor's tool, not a customer's page. ``tests/test_pages_keep_their_text.py`` compares a fresh build
with these files, so that a refactoring that changes a word or an address a customer sees fails.

Build the site first (`make build` writes ``site/``), and update only when a change of the text is intended.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "pages"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from generator.content.diagnostics import ContentError  # noqa: E402
from generator.content.locales import locale_slug  # noqa: E402
from generator.helpcenter.folder import load_content  # noqa: E402
from support import locale_pages  # noqa: E402


def published_locales() -> list[str]:
    """The tags of the published locales, read the way the generator reads them."""
    return [locale.tag for locale in load_content(ROOT / "content").locales.published]


def golden_json(pages: dict[str, dict[str, object]]) -> str:
    """The text of one golden file: sorted keys, one-space indent, UTF-8 as it is, a final newline."""
    return json.dumps(pages, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def update(site_dir: Path, tags: list[str]) -> list[str]:
    """Write the golden file of each locale of ``tags`` from ``site_dir``; return the problems, if any, instead."""
    missing = [
        f"{site_dir / locale_slug(tag)}: error: locale {tag} is published but not built here: run `make build`"
        for tag in tags
        if not (site_dir / locale_slug(tag)).is_dir()
    ]
    if missing:
        return missing
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for tag in tags:
        pages = locale_pages(site_dir / locale_slug(tag))
        (GOLDEN / f"{tag}.json").write_text(golden_json(pages), encoding="utf-8")
        print(f"{(GOLDEN / f'{tag}.json').relative_to(ROOT)}: {len(pages)} pages")
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/golden_pages.py", description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", required=True, help="write the golden files from SITE_DIR")
    parser.add_argument("site_dir", metavar="SITE_DIR", type=Path, help="the built site (`make build` writes site/)")
    arguments = parser.parse_args(argv)
    site_dir: Path = arguments.site_dir
    if not site_dir.is_dir():
        print(f"{site_dir}: error: no built site here: run `make build` first", file=sys.stderr)
        return 1
    try:
        tags = published_locales()
    except ContentError as error:  # every problem, located, as `make check` prints them
        print(error, file=sys.stderr)
        return 1
    problems = update(site_dir, tags)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
