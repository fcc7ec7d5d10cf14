"""Another version of the content, to compare with: a folder, or a git revision read without touching the work tree."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

from generator.content.diagnostics import Diagnostic, display_path


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
    listing = _git(
        ["ls-tree", "-r", "-z", "--name-only", "--full-tree", f"{revision}^{{tree}}", "--", inside],
        content_dir,
        f"{revision}: not a folder, nor a revision git knows;",
    )
    names = [name for name in listing.decode().split("\0") if name]
    if not any(name == f"{inside}/policy.yaml" for name in names):
        raise VersionError(f"{revision}: this revision has no {inside}/policy.yaml")
    for name in names:
        target = workdir / Path(name).relative_to(inside)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_git(["show", f"{revision}:{name}"], content_dir, f"{revision}:{name}:"))
    return workdir, f"{revision}:{inside}/"


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
