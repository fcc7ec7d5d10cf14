"""Helpers the tests share: reading text and attributes out of generated HTML."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from playwright.sync_api import Page, expect

#: The published locales: (tag, <html lang>, URL folder). Written by hand, so
#: the tests notice when locales.yaml changes.
LOCALES = [
    ("en-US", "en", "en-us"),
    ("fr-FR", "fr", "fr-fr"),
    ("de-DE", "de", "de-de"),
    ("es-ES", "es", "es-es"),
    ("it-IT", "it", "it-it"),
]


class _TextAndTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.chunks.append(data)


def html_text(html: str) -> str:
    """Return the visible text of ``html`` with white space folded."""
    parser = _TextAndTags()
    parser.feed(html)
    # Only ASCII white space folds: a no-break space is part of the text (French "traduites :").
    return re.sub(r"[ \t\n\r\f]+", " ", " ".join(parser.chunks)).strip()


def html_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Return every start tag of ``html`` with its attributes."""
    parser = _TextAndTags()
    parser.feed(html)
    return parser.tags


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    # Headers and body go out in separate writes: without this, Nagle's
    # algorithm and delayed ACKs hold every response back by tens of ms.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # The browser may drop a connection it no longer needs (a page left
        # while loading); that is not an error of the site.
        pass


@contextlib.contextmanager
def serve_directory(directory: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``directory`` over HTTP on a free port of ``host``; yield its address without a trailing slash.

    The folder may not exist yet, or be replaced while served: each request looks it up anew.
    """
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def expect_shown(page: Page, url: str) -> None:
    """Wait until the finder says it shows ``url`` whole (``data-finder-shown``); without JavaScript, a page is whole.

    Answering in place, the address changes before the node is swapped in, and
    the new node shows before focus and the live region follow: only this
    attribute, set last, says that the swap is done.
    """
    expect(page.locator(f'html[data-finder-shown="{url}"], html:not([data-finder-shown])')).to_have_count(1)
