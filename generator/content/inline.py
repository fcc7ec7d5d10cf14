"""The small inline syntax editors and translators may use inside a text.

Two constructs, nothing else:

* ``{name}``: a value the build fills in, e.g. ``{carrier}`` → ``UPS``;
* ``[words](target)``: a link whose target is a name the build resolves,
  e.g. ``[our form](contact_form)``; the words may contain ``{name}``.

Everything else is text: it is escaped, so HTML typed into the YAML shows
as typed and never runs.

>>> str(render("Ship with {carrier}", {"carrier": "UPS"}, {}))
'Ship with UPS'
>>> str(render("[Write <b>us</b>](form)", {}, {"form": "https://example.org/"}))
'<a href="https://example.org/">Write &lt;b&gt;us&lt;/b&gt;</a>'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

_TOKEN = re.compile(r"\[(?P<words>[^\[\]]+)\]\((?P<target>[a-z][a-z0-9_:-]*)\)|\{(?P<name>[a-z][a-z0-9_]*)\}")
_PLACEHOLDER = re.compile(r"\{(?P<name>[a-z][a-z0-9_]*)\}")


@dataclass(frozen=True)
class Usage:
    """The placeholders and link targets a text uses."""

    placeholders: tuple[str, ...]
    targets: tuple[str, ...]


def usage(text: str) -> Usage:
    """Return the placeholders and link targets used in ``text``."""
    placeholders = [m.group("name") for m in _PLACEHOLDER.finditer(text)]
    targets = [m.group("target") for m in _TOKEN.finditer(text) if m.group("target")]
    return Usage(tuple(placeholders), tuple(targets))


#: Something a browser would take for markup: a tag or a character reference.
_MARKUP = re.compile(r"</?[a-zA-Z][^<>]*>?|&[a-zA-Z#][a-zA-Z0-9]*;")
#: What looks like a link, whatever its target: ``[words](anything)``, the target whole even with
#: parentheses inside (``javascript:alert(1)``).
_ANY_LINK = re.compile(r"\]\((?P<target>(?:[^\s()]|\([^\s()]*\))*?|\S*?)\)")


def markup(text: str) -> list[str]:
    """Return what in ``text`` a browser would take for markup: tags and character references."""
    return _MARKUP.findall(text)


def misuse(text: str) -> list[str]:
    """Say what in ``text`` is not plain text nor the inline syntax: HTML, a link to an address, a broken link.

    >>> misuse("Ask <b>us</b> [here](https://x.example)")
    ["HTML is not allowed: '<b>'", "HTML is not allowed: '</b>'", "a link must name a page, not an address: \'https://x.example\'"]
    """
    problems = [f"HTML is not allowed: '{found}'" for found in markup(text)]
    links = {match.end() for match in _TOKEN.finditer(text) if match.group("target")}
    for match in _ANY_LINK.finditer(text):
        target = match.group("target")
        if not _TOKEN.fullmatch(f"[x]({target})"):
            problems.append(f"a link must name a page, not an address: '{target}'")
        elif match.end() not in links:  # `[](x)`, `[a [b]](x)`: it would show as typed
            start = text.rfind("[", 0, match.start())
            shown = text[start if start >= 0 else match.start() : match.end()]
            problems.append(f"not a link, it would show as typed: '{shown}'")
    return problems


def render(text: str, values: Mapping[str, str], links: Mapping[str, str]) -> Markup:
    """Return ``text`` as safe HTML, with placeholders filled in and links resolved.

    Raises ``KeyError`` for a placeholder or target it does not know: the
    checks in :mod:`generator.content.references` make sure that never reaches a build.
    """
    parts: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        parts.append(escape(text[position : match.start()]))
        if match.group("name"):
            parts.append(escape(values[match.group("name")]))
        else:
            words = fill(match.group("words"), values)
            href = links[match.group("target")]
            parts.append(Markup('<a href="{}">{}</a>').format(href, words))
        position = match.end()
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def fill(text: str, values: Mapping[str, str]) -> Markup:
    """Return ``text`` escaped with its placeholders filled in; links are left as typed."""
    parts: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(escape(values[match.group("name")]))
        position = match.end()
    parts.append(escape(text[position:]))
    return Markup("").join(parts)
