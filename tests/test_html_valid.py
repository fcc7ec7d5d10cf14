"""Every page of the built site is valid HTML, as the W3C's Nu HTML checker reads it.

The checker (vnu.jar, pinned in package-lock.json; `make install` puts it in
node_modules/) runs once over every page of every published locale, of the
pseudo-locale and the root page: its Java virtual machine takes seconds to
start. Only errors count (--errors-only); what Material's own markup gets
wrong is fixed in overrides/, never filtered out here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import LOCALES, nu_errors

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
    site = built_site.resolve()
    return nu_errors(site, checked_pages(site))


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
