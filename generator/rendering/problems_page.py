"""The page the preview shows for every address while the content is broken: each problem with its YAML lines.

An editor watches the browser, not the terminal. So while an edit does not
check, the preview answers every page with this one, and the live reload
brings the site back as soon as the edit is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.content.diagnostics import Diagnostic
from generator.content.load import read_file
from generator.rendering.render import environment

#: Lines shown before and after the one a problem points at.
CONTEXT_LINES = 2


@dataclass(frozen=True)
class Excerpt:
    """The lines around a problem, numbered, and where in them the problem is."""

    lines: list[tuple[int, str]]
    line: int
    column: int


def excerpt(problem: Diagnostic) -> Excerpt | None:
    """Return the lines of the file around ``problem``, or ``None`` when it has no line or cannot be read."""
    position = problem.position
    if not position.line:
        return None
    try:
        text = read_file(Path(position.file)).decode("utf-8", errors="replace")
    except OSError:  # gone, too large, or not a regular file: a named pipe would hold the preview
        return None
    lines = text.splitlines()
    first = max(1, position.line - CONTEXT_LINES)
    last = min(len(lines), position.line + CONTEXT_LINES)
    return Excerpt([(number, lines[number - 1]) for number in range(first, last + 1)], position.line, position.column)


def problems_page(problems: list[Diagnostic] | str) -> bytes:
    """Return the page: every content problem with its excerpt, or the one message of another failure."""
    shown = [(problem, excerpt(problem)) for problem in problems] if isinstance(problems, list) else []
    message = problems if isinstance(problems, str) else ""
    html = environment().get_template("problems.html").render(problems=shown, message=message)
    return html.encode("utf-8")
