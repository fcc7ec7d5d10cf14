"""Write several content files all together or not at all, each read back and checked before any is put in place.

The translators' commands change more than one file at a time (``locales.yaml`` and a new catalog; the
template and every catalog). A half-done change would leave the content in a state no command made: a
locale published without its catalog, a catalog of a locale not published. So:

1. every new text is written to a staging file beside its target (same folder, so the rename cannot cross
   file systems);
2. every staging file is read back and checked by the reader the next command will use: the tool never
   writes a file it would then refuse;
3. only then is each target replaced with a rename; if one fails, the ones already replaced get their old
   bytes back and the new files are removed.

Every failure is a :class:`~generator.content.diagnostics.ContentError` naming the file: never a traceback.
A target that is a symbolic link, a folder or a device is refused: the tool replaces only regular files.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.content.diagnostics import ContentError, Diagnostic, Position, display_path


@dataclass(frozen=True)
class Planned:
    """A file to write: where, what, and how to read it back."""

    path: Path
    text: str
    #: Reads the staged file (given its path) back as the next command would; returns what is wrong with it.
    check: Callable[[Path], list[Diagnostic]]


def write_together(files: Sequence[Planned]) -> None:
    """Write every file of ``files``, or none: raise :class:`ContentError` saying why, with the content unchanged."""
    old = _old_contents(files)
    staged: list[tuple[Planned, Path]] = []
    try:
        for planned in files:
            staged.append((planned, _stage(planned)))
        problems = [problem for planned, temporary in staged for problem in _read_back(planned, temporary)]
        if problems:
            raise ContentError(problems)
        _replace_all(staged, old)
    finally:
        for _, temporary in staged:
            temporary.unlink(missing_ok=True)


def _old_contents(files: Sequence[Planned]) -> dict[Path, bytes | None]:
    """The bytes each target has now (``None``: there is none), to put back if a later rename fails."""
    old: dict[Path, bytes | None] = {}
    problems = []
    for planned in files:
        path = planned.path
        refused = _refusal(path)
        if refused:
            problems.append(Diagnostic(Position(display_path(path)), f"cannot write the file: {refused}"))
            continue
        try:
            old[path] = path.read_bytes() if path.exists() else None
        except OSError as error:
            problems.append(_cannot(path, "read", error))
    if problems:
        raise ContentError(problems)
    return old


def _refusal(path: Path) -> str:
    """Why the tool must not replace ``path``, or ``""``."""
    if path.is_symlink():
        return "it is a symbolic link, and the tool replaces only regular files: put the file itself there"
    if path.exists() and not path.is_file():
        return "it is not a regular file (a folder or a device), and the tool writes only regular files"
    return ""


def _stage(planned: Planned) -> Path:
    """Write ``planned``'s text to a new file beside its target, with the mode the target has or would get."""
    path = planned.path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".staged", dir=path.parent)
    except OSError as error:
        raise ContentError([_cannot(path, "write", error)]) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(planned.text)
            file.flush()
            os.fsync(file.fileno())
        # mkstemp makes the file private (0600); give it the mode the file had, or the one a new file gets.
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ContentError([_cannot(path, "write", error)]) from None
    return temporary


def _read_back(planned: Planned, temporary: Path) -> list[Diagnostic]:
    """Check the staged file as the next command will read it; problems are named after the target."""
    staged_name, name = display_path(temporary), display_path(planned.path)
    return [
        dataclasses.replace(
            problem,
            position=dataclasses.replace(problem.position, file=name),
            message=f"the tool would write a file it cannot read back: {problem.message}",
        )
        if problem.position.file == staged_name
        else problem
        for problem in planned.check(temporary)
    ]


def _replace_all(staged: list[tuple[Planned, Path]], old: dict[Path, bytes | None]) -> None:
    """Rename every staged file into place; if one rename fails, put the replaced ones back as they were."""
    done: list[Path] = []
    for planned, temporary in staged:
        try:
            os.replace(temporary, planned.path)
        except OSError as error:
            not_restored = _restore(done, old)
            problems = [_cannot(planned.path, "write", error)]
            problems += [
                Diagnostic(Position(display_path(path)), "was written, and could not be put back as it was")
                for path in not_restored
            ]
            raise ContentError(problems) from None
        done.append(planned.path)


def _restore(paths: list[Path], old: dict[Path, bytes | None]) -> list[Path]:
    """Give each of ``paths`` its old bytes back (or remove it, if it is new); return those that could not be."""
    failed = []
    for path in reversed(paths):
        before = old[path]
        try:
            if before is None:
                path.unlink()
                continue
            handle, name = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".restored", dir=path.parent)
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(before)
                os.chmod(name, path.stat().st_mode & 0o7777)
                os.replace(name, path)
            finally:
                Path(name).unlink(missing_ok=True)
        except OSError:
            failed.append(path)
    return failed


def _cannot(path: Path, verb: str, error: OSError) -> Diagnostic:
    reason = error.strerror or str(error)
    hint = {
        errno.EACCES: ": check the permissions of the file and its folder",
        errno.EPERM: ": check the permissions of the file and its folder",
        errno.EROFS: ": the file system is read-only",
        errno.ENOSPC: ": free some space and run it again",
    }.get(error.errno or 0, "")
    return Diagnostic(Position(display_path(path)), f"cannot {verb} the file ({reason}){hint}")


def _umask() -> int:
    """Return the process's umask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
