"""Put a freshly built folder, or a file, in place of the old one in one step.

A build writes into a staging folder beside its target; only once it has
succeeded is the staging folder renamed into place, so that a failed build
never leaves a half-published site (or a half-built preview) behind.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path


def publish(staging: Path, site_dir: Path) -> None:
    """Swap the freshly built ``staging`` folder in place of ``site_dir``."""
    retired = None
    if site_dir.exists():
        retired = site_dir.with_name(f".{site_dir.name}-old")
        shutil.rmtree(retired, ignore_errors=True)
        site_dir.rename(retired)
    staging.rename(site_dir)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: readers see the old file or the new."""
    if path.is_symlink() or (path.exists() and not path.is_file()):  # a device, a folder, a link: never replaced
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        # mkstemp makes the file private (0600); give it the mode the file had, or the one a new file gets.
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """Return the process's umask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
