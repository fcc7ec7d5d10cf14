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
from pathlib import Path

from generator.content import CATALOGS_DIR, Content, load_content
from generator.diagnostics import ContentError, Diagnostic, Position, display_path

#: The content of the latest version seen, by folder: (fingerprint, content).
_latest: dict[Path, tuple[str, Content]] = {}
#: Folders whose content was handed over by a build: a worker builds that version or nothing.
_pinned: set[Path] = set()


def fingerprint(content_dir: Path) -> str:
    """Return a hash of every file the content is made of: the YAML, the schemas and the catalogs."""
    digest = hashlib.sha256()
    files = [*sorted(content_dir.glob("*.yaml")), *sorted(content_dir.glob("*.json"))]
    catalogs = content_dir / CATALOGS_DIR
    if catalogs.is_dir():
        files += sorted(catalogs.glob("*.po"))
    for path in files:
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:  # gone or unreadable: the check says so
            digest.update(b"\1unreadable")
        digest.update(b"\0")
    return digest.hexdigest()


def proven_content(content_dir: Path) -> Content:
    """Return the sound content of ``content_dir``, proving it only if it changed since the last call.

    Raises :class:`generator.diagnostics.ContentError` like
    :func:`generator.content.load_content`.
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


def remember(content_dir: Path, version: str, content: Content) -> None:
    """Take ``content``, proven elsewhere from version ``version`` of ``content_dir``, as the only one to build."""
    _latest[content_dir.resolve()] = (version, content)
    _pinned.add(content_dir.resolve())
