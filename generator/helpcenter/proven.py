"""The proven content, read and proven once per version of the content folder.

A build reads, checks and proves the content once, in the main process, and
hands the result to the locale workers (:func:`remember`), which then never
prove again: if the files changed meanwhile, a worker refuses to build; a
preview rebuild proves once, and only when a file of the content changed.
A version is named by a fingerprint of the folder's files, so that an edit
can never be served from the cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from generator.content.diagnostics import ContentError, Diagnostic, Position, display_path
from generator.content.load import read_file
from generator.helpcenter.folder import CATALOGS_DIR, Content, check_content, load_content
from generator.helpcenter.ledger import LEDGERS_DIR
from generator.helpcenter.policies import POLICIES_DIR


@dataclass(frozen=True)
class Proven:
    """Content proven from one version of a content folder."""

    folder: Path
    #: The fingerprint of the folder's files when they were read (:func:`fingerprint`).
    version: str
    content: Content


#: The content of the latest version seen, by folder: (fingerprint, content).
_latest: dict[Path, tuple[str, Content]] = {}
#: Folders whose content was handed over by a build: a worker builds that version or nothing.
_pinned: set[Path] = set()


def fingerprint(content_dir: Path) -> str:
    """Return a hash of every file the content is made of: the YAML, the schemas and the catalogs."""
    digest = hashlib.sha256()
    files = [*sorted(content_dir.glob("*.yaml")), *sorted(content_dir.glob("*.json"))]
    files += [*sorted(content_dir.glob(f"{POLICIES_DIR}/*.yaml")), *sorted(content_dir.glob(f"{LEDGERS_DIR}/*.yaml"))]
    catalogs = content_dir / CATALOGS_DIR
    if catalogs.is_dir():
        files += sorted(catalogs.glob("*.po"))
    for path in files:
        digest.update(path.relative_to(content_dir).as_posix().encode() + b"\0")
        try:
            digest.update(read_file(path))
        except OSError:  # gone, unreadable, too large, or not a regular file (a pipe, a device): the check says so
            digest.update(b"\1unreadable")
        digest.update(b"\0")
    return digest.hexdigest()


def prove_folder(content_dir: Path, *, strict: bool = False) -> tuple[Proven | None, list[Diagnostic]]:
    """Read, check and prove ``content_dir``; return it with its version, or ``None``, and every problem.

    The fingerprint is taken before the files are read: an edit made meanwhile
    gives another version, so the proof is never taken for the edited files.
    """
    version = fingerprint(content_dir)
    content, problems = check_content(content_dir, strict=strict)
    return (Proven(content_dir, version, content) if content is not None else None), problems


def proven_content(content_dir: Path) -> Content:
    """Return the sound content of ``content_dir``, proving it only if it changed since the last call.

    Raises :class:`generator.content.diagnostics.ContentError` like
    :func:`generator.helpcenter.folder.load_content`.
    """
    key = content_dir.resolve()
    version = fingerprint(key)
    known = _latest.get(key)
    if known is not None and known[0] == version:
        return known[1]
    if key in _pinned:  # proving again here could publish locales of two versions, or skip a --strict check
        where = Position(display_path(key))
        raise ContentError([Diagnostic(where, "the content changed while the site was being built: build again")])
    content = load_content(key)
    _latest[key] = (version, content)
    return content


def remember(proven: Proven) -> None:
    """Take content proven elsewhere (in a build's main process) as the only version of its folder to build."""
    _latest[proven.folder.resolve()] = (proven.version, proven.content)
    _pinned.add(proven.folder.resolve())
