"""The small inline syntax editors and translators may use inside a text.

Two constructs, nothing else:

* ``{name}``: a fact the build fills in, e.g. ``{courier}`` → ``Acme Post``;
* ``[words](target)``: a link whose target is a name the build resolves,
  e.g. ``[our form](contact_page)``, ``outcome:ID`` or ``policy-id/article``;
  the words may contain ``{name}``.

Everything else is text: it is escaped, so HTML typed into the YAML shows
as typed and never runs.

>>> str(render("Ship with {courier}", {"courier": "Acme Post"}, {}))
'Ship with Acme Post'
>>> str(render("[Write <b>us</b>](form)", {}, {"form": "https://example.org/"}))
'<a href="https://example.org/">Write &lt;b&gt;us&lt;/b&gt;</a>'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

_TOKEN = re.compile(
    r"\[(?P<words>[^\[\]]+)\]\((?P<target>[a-z][a-z0-9_:-]*(?:/[a-z][a-z0-9_:-]*)?)\)|\{(?P<name>[a-z][a-z0-9_]*)\}"
)
_PLACEHOLDER = re.compile(r"\{(?P<name>[a-z][a-z0-9_]*)\}")
#: The two constructs, for the checks that point at them: ``{name}`` alone, and either.
PLACEHOLDER, TOKEN = _PLACEHOLDER, _TOKEN


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
#: parentheses inside (``javascript:alert(1)``). The tests' reference: :func:`any_links` finds the same
#: matches without its cost, which grows with the square of a text's length (``](`` repeated: 10 KB took 1 s).
ANY_LINK = re.compile(r"\]\((?P<target>(?:[^\s()]|\([^\s()]*\))*?|\S*?)\)")
#: Where the scan of a link's target fails.
_FAILS = -1


def any_links(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield each match of :data:`ANY_LINK` in ``text``, as its start, its end and its target, in linear time.

    The target is the shortest run of characters other than spaces and
    parentheses, and of ``(…)`` groups of them, that a ``)`` ends; failing
    that, every character up to the first ``)``, spaces excluded. Where each
    scan from a position ends is worked out once, from the end of the text
    back, so that no scan is made twice.
    """
    if "](" not in text:  # no link starts: most texts, told at once
        return
    length = len(text)
    # closing[j]: where the shortest target starting at j is ended by its ')', or _FAILS.
    closing = [_FAILS] * (length + 1)
    # next_close[j]: the first ')' at or after j with no space before it, or _FAILS.
    next_close = [_FAILS] * (length + 1)
    # The first parenthesis or space after the position being looked at: where a '(' group's plain characters end.
    next_paren_or_space = length
    for j in range(length - 1, -1, -1):
        character = text[j]
        if character == ")":
            closing[j] = next_close[j] = j
        elif character.isspace():
            pass
        elif character == "(":
            group_close = next_paren_or_space
            if group_close < length and text[group_close] == ")":
                closing[j] = closing[group_close + 1]
            next_close[j] = next_close[j + 1]
        else:
            closing[j] = closing[j + 1]
            next_close[j] = next_close[j + 1]
        if character in "()" or character.isspace():
            next_paren_or_space = j
    position = 0
    while True:
        start = text.find("](", position)
        if start < 0:
            return
        first = start + 2
        end = closing[first] if first <= length else _FAILS
        if end == _FAILS:
            end = next_close[first] if first <= length else _FAILS
        if end == _FAILS:
            position = start + 1
            continue
        yield start, end + 1, text[first:end]
        position = end + 1


def markup(text: str) -> list[str]:
    """Return what in ``text`` a browser would take for markup: tags and character references."""
    return _MARKUP.findall(text)


def misuse(text: str) -> list[str]:
    """Say what in ``text`` is not plain text nor the inline syntax: HTML, a link to an address, a broken link.

    >>> misuse("Ask <b>us</b> [here](https://x.example)")
    ["HTML is not allowed: '<b>'", "HTML is not allowed: '</b>'", "a link must name a page, not an address: 'https://x.example'"]
    """
    return [problem for _, problem in misuse_at(text)]


def misuse_at(text: str) -> list[tuple[int, str]]:
    """Like :func:`misuse`, each problem with the index in ``text`` of the character it is about."""
    problems = [(found.start(), f"HTML is not allowed: '{found.group()}'") for found in _MARKUP.finditer(text)]
    links = {match.end() for match in _TOKEN.finditer(text) if match.group("target")}
    for link_start, link_end, target in any_links(text):
        if not _TOKEN.fullmatch(f"[x]({target})"):
            problems.append((link_end - 1 - len(target), f"a link must name a page, not an address: '{target}'"))
        elif link_end not in links:  # `[](x)`, `[a [b]](x)`: it would show as typed
            start = text.rfind("[", 0, link_start)
            shown = text[start if start >= 0 else link_start : link_end]
            problems.append((start if start >= 0 else link_start, f"not a link, it would show as typed: '{shown}'"))
    return problems


def stray_braces(text: str) -> list[int]:
    """Return the index of every brace in ``text`` that is not part of a ``{placeholder}``.

    The ``}`` that closes a stray ``{`` is the same mistake, and is not listed again.

    >>> stray_braces("a } alone, {Courier}, {refund_delay}, {courier")
    [2, 11, 38]
    """
    placeholders = {index for match in _PLACEHOLDER.finditer(text) for index in (match.start(), match.end() - 1)}
    found, open_brace = [], False
    for index, character in enumerate(text):
        if character not in "{}" or index in placeholders:
            continue
        if character == "{" or not open_brace:
            found.append(index)
        open_brace = character == "{"
    return found


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
