"""MkDocs glue: the files the plugin adds to a build (its pages, which MkDocs need not convert) or remakes."""

from __future__ import annotations

import gzip
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class HtmlPage(Page):
    """A page of the plugin's: its source is empty, and ``on_page_context`` gives its HTML.

    MkDocs sets up a Python-Markdown converter for every page, only to convert
    an empty source here (a third of a millisecond a page, a tenth of a
    finder page's build). What that conversion leaves, this does directly: no
    HTML (the plugin's replaces it), no headings, no anchors, no links.
    A page given a source by another plugin is converted as MkDocs does.
    """

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown:
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}  # (MkDocs leaves None at the DEBUG level: both mean no link to check)


def page_file(config: MkDocsConfig, src_uri: str, *, listed: bool) -> File:
    """Return the file of a generated page, with no source; one the navigation does not list is an :class:`HtmlPage`.

    A listed page is left to MkDocs, which gives it the title the navigation may set.
    """
    inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, src_uri, content="", inclusion=inclusion)
    if not listed:
        HtmlPage(None, file, config)  # it is the file's page from now on
    return file


def stamp_sitemap(site_dir: Path) -> None:
    """Write ``sitemap.xml.gz`` again, stamped with no date (gzip's 0) instead of the day of the build.

    So the same sources build the same bytes on any day (tests/test_reproducible.py).
    """
    sitemap = site_dir / "sitemap.xml"
    if sitemap.is_file():
        with gzip.GzipFile(sitemap.with_name("sitemap.xml.gz"), "wb", mtime=0) as archive:
            archive.write(sitemap.read_bytes())
