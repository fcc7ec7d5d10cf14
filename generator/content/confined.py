"""Symbolic links that lead out of the project: refused, so that no file of the building machine is published.

A link in ``docs/`` to ``/etc/passwd`` (or to ``~/.ssh``) would copy that file
into the site, and one in ``content/`` would show its lines in messages. A link
that stays inside the project is allowed: what it publishes is a file of the
project, under version control and reviewed like any other (a page or an image
shared by two folders, say). A link that leads nowhere is refused too: MkDocs
would stop on it with no word of where.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.content.diagnostics import Diagnostic, Position, display_path

#: How many files and folders one walk looks at before it stops (a link loop, a huge folder).
WALK_BUDGET = 100_000


def links_leaving(folder: Path, project: Path) -> list[Diagnostic]:
    """Return a problem for every symbolic link below ``folder`` that leads outside ``project``, or nowhere.

    Links to folders inside the project are followed (each real folder once, so a
    loop ends), since what they hold is published too.
    """
    project = Path(os.path.realpath(project))
    problems: list[Diagnostic] = []
    if not folder.is_dir():
        return problems
    seen = {Path(os.path.realpath(folder))}
    budget = WALK_BUDGET
    for where, folders, files in os.walk(folder, followlinks=True):
        budget -= len(folders) + len(files)
        if budget < 0:
            message = f"holds more than {WALK_BUDGET:,} files and folders; keep only what the site needs in it"
            problems.append(Diagnostic(Position(display_path(folder)), message))
            return problems
        for name in [*folders, *files]:
            path = Path(where) / name
            if not path.is_symlink():
                continue
            problem = _leaving(path, project)
            if problem is not None:
                problems.append(problem)
                if name in folders:
                    folders.remove(name)
        for name in list(folders):
            real = Path(os.path.realpath(Path(where) / name))
            if real in seen:
                folders.remove(name)
            seen.add(real)
    return problems


def _leaving(link: Path, project: Path) -> Diagnostic | None:
    target = os.readlink(link)
    real = Path(os.path.realpath(link))  # a loop gives a path that does not exist
    where = Position(display_path(link))
    if not real.exists():
        return Diagnostic(where, f"is a symbolic link to {target}, which does not exist; remove the link")
    if real != project and project not in real.parents:
        return Diagnostic(
            where,
            f"is a symbolic link to {real}, outside the project, so the site would publish a file of the machine "
            "that builds it; copy the file into the project, or remove the link",
        )
    return None
