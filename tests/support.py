"""Helpers the tests share: reading text and attributes out of generated HTML."""

from __future__ import annotations

from html.parser import HTMLParser


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
    return " ".join(" ".join(parser.chunks).split())


def html_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Return every start tag of ``html`` with its attributes."""
    parser = _TextAndTags()
    parser.feed(html)
    return parser.tags
