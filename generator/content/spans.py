"""Where a character of a text is written in its YAML file, through folding, quotes and indentation.

A text's position is where its value starts: for a block text (``>-``,
``|``), the indicator on the key's line. A problem on the third line of the
text is pointed at there, on its own line and column, by walking the value and
the source side by side: a character of the value is the next one of the
source that is the same, and what the source has and the value has not
(indentation, quotes, a backslash, a line break folded into a space) is passed
over.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.content.diagnostics import Position

#: The most source characters passed over in a row before giving up: a value written with escapes
#: (``"\u00e9"``) is not the same characters as its source.
_MAX_SKIPPED = 200


def position_in_text(lines: Sequence[str], start: Position, value: str, offset: int) -> Position | None:
    """Return where the character ``value[offset]`` is written, ``value`` being the text at ``start``.

    ``None`` when it cannot be told (the value is not what the source writes there).

    >>> lines = ["situation: >-", "  A parcel", "  with <b>care</b>."]
    >>> position_in_text(lines, Position("f", 1, 12), "A parcel with <b>care</b>.", 14)
    Position(file='f', line=3, column=8)
    >>> position_in_text(['key: "say \\\\"hi\\\\" {x}"'], Position("f", 1, 6), 'say "hi" {x}', 9)
    Position(file='f', line=1, column=18)
    """
    if not 0 <= offset < len(value) or not 1 <= start.line <= len(lines):
        return None
    row, column = start.line - 1, start.column - 1
    opening = lines[row][column : column + 1]
    if opening in ("|", ">"):
        row, column = row + 1, 0  # the words start on the next line
    elif opening in ("'", '"'):
        column += 1
    index, skipped, new_line = 0, 0, False
    while row < len(lines):
        line = lines[row]
        while column < len(line):
            if line[column] == value[index]:
                if index == offset:
                    return Position(start.file, row + 1, column + 1)
                index, skipped, new_line = index + 1, 0, False
            elif new_line and value[index] in " \n":
                index += 1  # a line break, kept or folded into a space
                if index > offset:
                    return None
                continue
            else:
                skipped += 1
                if skipped > _MAX_SKIPPED:
                    return None
            column += 1
        row, column, new_line = row + 1, 0, True
    return None
