"""Every page of the built site is valid HTML, as the W3C's Nu HTML checker reads it.

The checker (vnu.jar, pinned in package-lock.json; `make install` puts it in
node_modules/) runs once over every page of every published locale, of the
pseudo-locale and the root page: its Java virtual machine takes seconds to
start. Only errors count (--errors-only); what Material's own markup gets
wrong is fixed in overrides/, never filtered out here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from support import LOCALES

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PSEUDO_SLUG = "en-xa"
#: The folders of the built site whose pages are checked, by locale; "" is the root page.
FOLDERS = [
    *(pytest.param(slug, id=tag) for tag, _, slug in LOCALES),
    pytest.param(PSEUDO_SLUG, id="en-XA"),
    pytest.param("", id="root"),
]
#: Pages every locale has: its home, the article, the finder, a node, the 404 page.
LOCALE_PAGES = {
    "index.html",
    "get-your-device-back/index.html",
    "finder/index.html",
    "finder/not-flagged/index.html",
    "404.html",
}


def site_pages(built_site: Path, folder: str) -> list[str]:
    """The HTML pages of ``folder``, relative to the site's root; the root page alone for ""."""
    if not folder:
        return ["index.html"]
    return sorted(page.relative_to(built_site).as_posix() for page in (built_site / folder).rglob("*.html"))


def checked_pages(built_site: Path) -> list[str]:
    """Every page the checker reads."""
    folders = [*(slug for _, _, slug in LOCALES), PSEUDO_SLUG, ""]
    return [page for folder in folders for page in site_pages(built_site, folder)]


@pytest.fixture(scope="module")
def problems(built_site: Path) -> dict[str, list[str]]:
    """Every error the checker finds, by page relative to the site's root: "line: message"."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("the HTML check needs Java 11 or later on the PATH: install it with `apt-get install default-jre`")
    if not VNU.is_file():
        pytest.fail(f"the HTML check needs the Nu HTML checker at {VNU.relative_to(ROOT)}: run `make install`")
    site = built_site.resolve()
    pages = checked_pages(site)
    # --stdout: the report alone on stdout, whatever the Java virtual machine says on stderr.
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", "--stdout", *pages],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"the Nu HTML checker failed (exit status {result.returncode}):\n{result.stdout}{result.stderr}")
    found: dict[str, list[str]] = {}
    for message in report["messages"]:
        if message.get("type") == "info":  # warnings; --errors-only leaves them out already
            continue
        url = message.get("url", "")
        page = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None
        where = page.relative_to(site).as_posix() if page and page.is_relative_to(site) else url or "?"
        found.setdefault(where, []).append(f"{message.get('lastLine', '?')}: {message.get('message', message)}")
    return found


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_page_is_valid_html(built_site, problems, folder):
    pages = site_pages(built_site, folder)
    if folder:
        missing = {f"{folder}/{page}" for page in LOCALE_PAGES} - set(pages)
        assert not missing, f"pages missing from the built site: {sorted(missing)}"
    # A problem the checker could not tie to a page of the site fails every folder.
    unplaced = sorted(set(problems) - set(checked_pages(built_site)))
    errors = [f"{page}:{line}" for page in [*pages, *unplaced] for line in problems.get(page, [])]
    if errors:
        pytest.fail(f"{len(errors)} HTML errors (Nu HTML checker):\n" + "\n".join(errors), pytrace=False)
