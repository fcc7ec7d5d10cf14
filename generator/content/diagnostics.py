"""Problems found in the content, each tied to a place in a source file.

Every check in the generator returns a list of :class:`Diagnostic` instead of
raising at the first problem, so that an editor sees all of them at once. The
caller decides how to print them; :func:`format_diagnostic` gives the
``path:line:col: error: message`` form that editors and their tools understand.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True, order=True)
class Position:
    """A place in a source file; ``line`` and ``column`` count from 1."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem, where it is and what is wrong."""

    position: Position
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return format_diagnostic(self)


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """Return the diagnostic as ``path:line:col: severity: message``, on one line that only shows characters."""
    return printable(f"{diagnostic.position}: {diagnostic.severity}: {diagnostic.message}")


#: Characters that act on a terminal instead of showing: control characters (C0, DEL, C1: a cursor move,
#: a colour), line and paragraph separators, and the marks, embeddings, overrides and isolates that
#: reorder the text around them.
_ACTING = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def printable(text: str) -> str:
    r"""Return ``text`` with each character that would act on a terminal written as an escape.

    What is printed from the content (an id, a text) can then never move the cursor, recolour the
    terminal or reorder the line it is quoted in; the escapes are JSON's too, so JSON stays JSON.

    >>> printable("ok\u202e\x1b[31m\n")
    'ok\\u202e\\u001b[31m\\n'
    """
    return _ACTING.sub(lambda found: _SHORT_ESCAPES.get(found.group(), f"\\u{ord(found.group()):04x}"), text)


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working folder when it lies below it (a link named as it is, not its target)."""
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class ContentError(Exception):
    """The content has problems; ``diagnostics`` lists every one of them."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(map(format_diagnostic, diagnostics)))


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """Return `` (did you mean 'x'?)`` for the choice closest to ``word``, or ``""``.

    Case and stray quotes (curly ones pasted from a word processor too) are no
    distance at all: ``Free-Return`` and ``‘free-return’`` mean ``free-return``.

    >>> did_you_mean("Free-Return", ["free-return", "refund"]), did_you_mean("‘refnud’", ["free-return", "refund"])
    (" (did you mean 'free-return'?)", " (did you mean 'refund'?)")
    """
    plain = str(word).strip(" '\"‘’“”").lower()
    lowered, ordered = _prepared(frozenset(choices))
    close = [lowered[plain]] if plain in lowered else []
    if not close and len(ordered) <= MAX_CLOSE_CHOICES:
        close = difflib.get_close_matches(plain, ordered, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


#: Past this many choices, only a difference of case or quotes is suggested: comparing every unknown id with
#: every choice (3,000 unknown questions among 3,000) took seconds, and no editor's list is that long.
MAX_CLOSE_CHOICES = 200


@lru_cache(maxsize=16)
def _prepared(choices: frozenset[str]) -> tuple[dict[str, str], list[str]]:
    """The choices by their lower-case spelling (the first in order wins), and in order: once per set of choices."""
    ordered = sorted(choices)
    lowered: dict[str, str] = {}
    for choice in ordered:
        lowered.setdefault(choice.lower(), choice)
    return lowered, ordered
