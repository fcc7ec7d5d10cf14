"""Another version of the content, to compare with: a folder, or a git revision read without touching the work tree."""

from __future__ import annotations

import dataclasses
import os
import subprocess
from pathlib import Path

from generator.content.diagnostics import Diagnostic, display_path, printable


class VersionError(Exception):
    """A version that cannot be read: not a folder of content, not a revision git knows."""


def content_folder_of(spec: str, content_dir: Path, workdir: Path) -> tuple[Path, str | None]:
    """Return the content folder ``spec`` names, and, for a revision, how to name its files (``HEAD:content/``).

    ``spec`` is a folder (a content folder, or a project holding ``content/``)
    or a git revision (``HEAD``, ``main``, ``v1.2``), whose files under
    ``content_dir`` are written into ``workdir``.
    """
    folder = Path(spec)
    if folder.is_dir():
        for candidate in (folder, folder / "content"):
            if (candidate / "policy.yaml").is_file():
                return candidate, None
        raise VersionError(f"{spec}: a folder, but neither a content folder (with policy.yaml) nor a project")
    return _revision(spec, content_dir, workdir)


def _revision(revision: str, content_dir: Path, workdir: Path) -> tuple[Path, str]:
    if not content_dir.is_dir():
        raise VersionError(f"{display_path(content_dir)}: no content folder here (--content names it)")
    top = Path(_git(["rev-parse", "--show-toplevel"], content_dir, f"{revision}: not a folder, and").decode().strip())
    if not content_dir.resolve().is_relative_to(top.resolve()):
        raise VersionError(f"{display_path(content_dir)}: the content folder is not in the git repository {top}")
    inside = content_dir.resolve().relative_to(top.resolve()).as_posix()
    if revision.startswith("-"):
        raise VersionError(_unknown(revision) + " a revision never starts with '-'")
    tree = _git(["rev-parse", "--verify", f"{revision}^{{tree}}"], content_dir, _unknown(revision))
    name = f"{revision}:{inside}/"
    for part in inside.split("/") if inside != "." else []:
        entry = _entries(tree.decode().strip(), content_dir, name, strict=False).get(part)
        if entry is None or entry.kind != "tree":
            raise VersionError(f"{revision}: this revision has no {inside}/policy.yaml")
        tree = entry.object_id.encode()
    files = _files(tree.decode().strip(), content_dir, name)
    if ("policy.yaml",) not in files:
        raise VersionError(f"{revision}: this revision has no {inside}/policy.yaml")
    workdir.mkdir(parents=True, exist_ok=True)
    for path, object_id in sorted(files.items()):
        _write_new(workdir, path, _git(["cat-file", "blob", object_id], content_dir, f"{name}{'/'.join(path)}:"))
    return workdir, name


def _unknown(revision: str) -> str:
    return f"{printable(revision)}: not a folder, nor a revision git knows;"


#: How many entries, folders deep and bytes of a revision's content folder are read: far above any real
#: content folder, far below harm.
MAX_ENTRIES = 10_000
MAX_DEPTH = 8
MAX_BYTES = 64 * 1024 * 1024
#: A tree entry's mode for a file, a symlink, a folder.
_FILE_MODES = {"100644", "100755"}
_SYMLINK_MODE = "120000"


@dataclasses.dataclass(frozen=True)
class _Entry:
    mode: str
    kind: str
    object_id: str
    size: int


def _entries(tree: str, where: Path, name: str, *, strict: bool = True) -> dict[str, _Entry]:
    """The entries of one git tree, by name; a name no file system would take as one file's is refused.

    git stores whatever a tree object holds, and a fetch brings it in: an entry named ``..``, ``.``,
    ``.git``, one holding a ``/``, or given twice would write outside the folder it is read into, or
    over another file.
    """
    entries: dict[str, _Entry] = {}
    for line in _git(["ls-tree", "-z", "--long", "--full-tree", tree], where, f"{name}:").split(b"\0"):
        if not line:
            continue
        header, _, raw_name = line.partition(b"\t")
        mode, kind, object_id, size = header.decode().split()
        entry_name = raw_name.decode("utf-8", "surrogateescape")
        if not strict:  # a folder on the way to the content folder: only the way is read
            entries.setdefault(entry_name, _Entry(mode, kind, object_id, 0))
            continue
        if entry_name in ("", ".", "..") or "/" in entry_name or entry_name.lower() == ".git":
            raise VersionError(f"{name}: the revision holds an entry named {entry_name!r}, which no folder can hold")
        if entry_name in entries:
            raise VersionError(f"{name}: the revision holds the entry {entry_name!r} twice in one folder")
        entries[entry_name] = _Entry(mode, kind, object_id, int(size) if size.isdigit() else 0)
    return entries


def _files(tree: str, where: Path, name: str) -> dict[tuple[str, ...], str]:
    """Every file of a revision's content folder, by its path in the folder, with its blob's id.

    A symlink is read as the file it names, when that file is in the content folder too; one that leads
    out of it, to a folder, or round in circles is refused.
    """
    found: dict[tuple[str, ...], _Entry] = {}
    folders: set[tuple[str, ...]] = {()}
    pending: list[tuple[tuple[str, ...], str]] = [((), tree)]
    while pending:
        folder, folder_tree = pending.pop()
        if len(folder) > MAX_DEPTH:
            raise VersionError(f"{name}: the content folder is more than {MAX_DEPTH} folders deep")
        for entry_name, entry in _entries(folder_tree, where, name + "".join(f"{part}/" for part in folder)).items():
            path = (*folder, entry_name)
            if entry.kind == "tree":
                folders.add(path)
                pending.append((path, entry.object_id))
            elif entry.kind == "blob" and (entry.mode in _FILE_MODES or entry.mode == _SYMLINK_MODE):
                found[path] = entry
            else:
                raise VersionError(f"{name}{'/'.join(path)}: a submodule, not a file: diff reads files only")
            if len(found) + len(folders) > MAX_ENTRIES:
                raise VersionError(f"{name}: the content folder holds more than {MAX_ENTRIES} entries")
    files = {}
    for path, entry in found.items():
        target = _follow(path, found, folders, where, name) if entry.mode == _SYMLINK_MODE else entry
        files[path] = target.object_id
    if sum(found[path].size for path in found if found[path].mode != _SYMLINK_MODE) > MAX_BYTES:
        raise VersionError(f"{name}: the content folder holds more than {MAX_BYTES // 1024 // 1024} MiB")
    return files


def _follow(
    link: tuple[str, ...], found: dict[tuple[str, ...], _Entry], folders: set[tuple[str, ...]], where: Path, name: str
) -> _Entry:
    """Return the file the symlink at ``link`` leads to, inside the content folder, or refuse it."""
    shown = name + "/".join(link)
    path, entry = link, found[link]
    for _ in range(40):  # as many links in a row as Linux follows
        target = _git(["cat-file", "blob", entry.object_id], where, f"{shown}:").decode("utf-8", "surrogateescape")
        if target.startswith("/"):
            raise VersionError(f"{shown}: a symlink to {target!r}, outside the content folder")
        resolved: list[str] = list(path[:-1])
        for part in target.split("/"):
            if part == "..":
                if not resolved:
                    raise VersionError(f"{shown}: a symlink to {target!r}, outside the content folder")
                resolved.pop()
            elif part not in ("", "."):
                resolved.append(part)
        path = tuple(resolved)
        if path in folders:
            raise VersionError(f"{shown}: a symlink to the folder {target!r}: diff reads files only")
        if path not in found:
            raise VersionError(f"{shown}: a symlink to {target!r}, which the revision does not hold")
        entry = found[path]
        if entry.mode != _SYMLINK_MODE:
            return entry
    raise VersionError(f"{shown}: symlinks that lead round in circles")


def _write_new(workdir: Path, path: tuple[str, ...], data: bytes) -> None:
    """Write a new file at ``path`` below ``workdir``, never through a symlink, never over a file."""
    target = workdir.joinpath(*path)
    if not target.resolve().is_relative_to(workdir.resolve()):  # the names are checked: this never happens
        raise VersionError(f"{'/'.join(path)}: would be written outside {display_path(workdir)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def _git(arguments: list[str], where: Path, failure: str) -> bytes:
    try:
        result = subprocess.run(["git", *arguments], cwd=where, capture_output=True, check=False)
    except FileNotFoundError:
        raise VersionError(f"{failure} git is not installed") from None
    if result.returncode != 0:
        said = result.stderr.decode(errors="replace").strip().splitlines()
        raise VersionError(f"{failure} git says: {said[-1] if said else 'exit ' + str(result.returncode)}")
    return result.stdout


def renamed(problems: list[Diagnostic], folder: Path, name: str | None) -> list[Diagnostic]:
    """Name the files of ``folder`` as ``name`` says (``HEAD:content/policy.yaml``) in ``problems``."""
    if name is None:
        return problems
    prefix = display_path(folder) + "/"
    return [
        dataclasses.replace(
            problem,
            position=dataclasses.replace(problem.position, file=name + problem.position.file.removeprefix(prefix)),
        )
        if problem.position.file.startswith(prefix)
        else problem
        for problem in problems
    ]
