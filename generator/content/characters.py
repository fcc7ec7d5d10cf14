"""Characters no text may hold: control characters, and those that reorder what a reader sees.

A bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069) shows
the words after it in another order than they are written, on the page, in a
review of the YAML and in a terminal: "refund in 5 days" can read as
something else. A control character (C0 but the line feed and the tab, DEL,
C1) is not text at all: it shows as nothing, or moves a terminal's cursor.
Each is refused where it is, at the line and column of the character (or of
the escape, ``"\\u202e"``, that wrote it).

The left-to-right and right-to-left marks (U+200E, U+200F) and the Arabic
letter mark (U+061C) are allowed: they reorder nothing, they only say which
way a neutral character such as a full stop goes, and right-to-left languages
need them to put punctuation where it belongs. What is printed to a terminal
escapes them anyway (:func:`generator.content.diagnostics.printable`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

#: What a text may not hold. The tab is text (YAML's "\t", a catalog's tab); the line feed ends a line.
REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

#: The names of control characters, which Unicode leaves unnamed.
_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED"}
_CONTROL_NAMES |= {0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE"}

#: The escapes of a YAML double-quoted text that write one character, and that character.
_YAML_ESCAPES = {"0": 0x00, "a": 0x07, "b": 0x08, "t": 0x09, "\t": 0x09, "n": 0x0A, "v": 0x0B, "f": 0x0C}
_YAML_ESCAPES |= {"r": 0x0D, "e": 0x1B, "N": 0x85, "_": 0xA0, "L": 0x2028, "P": 0x2029}
#: The escapes that write a character by its code point, and how many hex digits follow.
_YAML_HEX = {"x": 2, "u": 4, "U": 8}


def problem(character: str) -> str:
    """Say why ``character`` (one :data:`REFUSED` matches) has no place in a text, and what to do.

    >>> problem("\\u202e")
    'the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) changes the order the text around it shows in: delete it'
    >>> problem("\\x1b")
    'the control character U+001B (ESCAPE) is not text (it may be invisible): delete it'
    """
    code = ord(character)
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return (
            f"the invisible character U+{code:04X} ({unicodedata.name(character)}) changes the order the text "
            "around it shows in: delete it"
        )
    name = _CONTROL_NAMES.get(code)
    return (
        f"the control character U+{code:04X}{f' ({name})' if name else ''} is not text (it may be invisible): delete it"
    )


def in_yaml_scalar(
    lines: Sequence[str], start: tuple[int, int], end: tuple[int, int], style: str | None
) -> Iterator[tuple[int, int, str]]:
    """Yield the line, column (from 1) and character of each refused character in a scalar's source.

    ``start`` and ``end`` are the scalar's marks (line and column from 0), ``lines`` the file's lines.
    In a double-quoted text (``style`` ``"``), an escape that writes a refused character counts, at its
    backslash; everywhere else, only the character itself is there to find.
    """
    for line in range(start[0], min(end[0], len(lines) - 1) + 1):
        row = lines[line]
        first = start[1] if line == start[0] else 0
        last = end[1] if line == end[0] else len(row)
        column = first
        while column < last:
            character = row[column]
            if style == '"' and character == "\\":
                written, length = _escape(row, column + 1)
                if written is not None and REFUSED.fullmatch(written):
                    yield line + 1, column + 1, written
                column += 1 + length
                continue
            if REFUSED.fullmatch(character):
                yield line + 1, column + 1, character
            column += 1


def _escape(row: str, at: int) -> tuple[str | None, int]:
    """Return the character the escape at ``row[at:]`` (after its backslash) writes, and the escape's length."""
    if at >= len(row):
        return None, 0  # a line break: the text goes on, on the next line
    letter = row[at]
    if letter in _YAML_HEX:
        digits = row[at + 1 : at + 1 + _YAML_HEX[letter]]
        try:
            return chr(int(digits, 16)), 1 + len(digits)
        except ValueError:
            return None, 1
    code = _YAML_ESCAPES.get(letter)
    return (chr(code) if code is not None else letter), 1


def in_catalog(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield the line, column (from 1) and character of each refused character in a PO file's ``text``.

    The character itself anywhere (a comment too: a reviewer reads it), and ``\\r`` in a quoted string,
    which Babel and msgfmt turn into a carriage return; a line may end with ``\\r\\n``.
    """
    if "\\r" not in text and not REFUSED.search(text):  # nearly every catalog: nothing to find, found at C speed
        return
    for number, row in enumerate(text.split("\n"), 1):
        row = row.removesuffix("\r")
        if "\\r" not in row and not REFUSED.search(row):  # most lines: nothing to find, found at C speed
            continue
        quoted = False
        column = 0
        while column < len(row):
            character = row[column]
            if REFUSED.fullmatch(character):
                yield number, column + 1, character
            elif character == '"' and not row.lstrip().startswith("#"):
                quoted = not quoted
            elif character == "\\" and quoted:
                if row[column + 1 : column + 2] == "r":
                    yield number, column + 1, "\r"
                column += 1
            column += 1
