"""The site's root, above the locales' folders: its page, which names every language, and its ``llms.txt``."""

from __future__ import annotations

from collections.abc import Sequence
from html.parser import HTMLParser
from urllib.parse import urlsplit

from generator.content.locales import SiteLocale
from generator.content.model import Interface
from generator.rendering import llms
from generator.rendering.render import environment

#: The favicon of the locales' pages (mkdocs.yml: theme.favicon), below a locale's folder.
ICON = "assets/favicon.svg"


def root_files(
    interface: Interface, source: SiteLocale, locales: Sequence[SiteLocale], base_url: str, home_page: str
) -> dict[str, str]:
    """Return the root's files by name: ``index.html`` and ``llms.txt``.

    ``interface`` is in the source language, ``source``'s; ``locales`` are the
    built ones, the first of which lends its stylesheets and favicon: its home
    page is ``home_page`` (HTML). ``base_url`` is the address of the site's root.
    """
    first = locales[0].slug
    page = (
        environment()
        .get_template("root.html")
        .render(
            lang=source.tag,
            direction="rtl" if source.babel.character_order == "right-to-left" else "ltr",
            title=interface.site_name,
            description=interface.text("home", "description"),
            icon=f"{first}/{ICON}",
            stylesheets=[_below(first, href) for href in stylesheets(home_page)],
            locales=locales,
            base_url=base_url,
        )
    )
    return {"index.html": page, llms.FILE_NAME: llms.root_llms_txt(interface, locales, base_url)}


def _below(folder: str, href: str) -> str:
    """``href`` as the root reads it, written in a page of ``folder``: a relative address starts with the folder."""
    return href if urlsplit(href).scheme or href.startswith("/") else f"{folder}/{href}"


def stylesheets(html: str) -> list[str]:
    """Return the addresses of the stylesheets ``html`` applies (not the alternate ones), in order, as written.

    >>> stylesheets('<link rel="stylesheet" href="a.css"><link rel="icon" href="i.svg"><LINK REL=Stylesheet HREF=b>')
    ['a.css', 'b']
    """
    parser = _Stylesheets()
    parser.feed(html)
    parser.close()
    return parser.found


class _Stylesheets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        rels = set((values.get("rel") or "").lower().split())
        if tag == "link" and "stylesheet" in rels and "alternate" not in rels and values.get("href"):
            self.found.append(str(values["href"]))
