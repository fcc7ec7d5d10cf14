"""Put a freshly built folder, or a file, in place of the old one in one step, and only where the tool may write.

A build writes into a staging folder beside its target; only once it has
succeeded is the staging folder swapped with the published one, in one step
(``renameat2`` with ``RENAME_EXCHANGE``, DECISIONS.md "Publishing swaps two
folders in one step"), so that there is no moment without a site and a failed
build never leaves a half-published site (or a half-built preview) behind.

The tool writes a site only into a folder that is missing, empty, or a site
it built: each site carries :data:`SITE_MARKER` at its root. A killed build
leaves its staging folder behind; the next build removes it, knowing it by
its name and its marker, and never while the build that made it still runs
(it holds a lock on the marker).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from generator.content.diagnostics import display_path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: leftovers are then left alone
    fcntl = None  # type: ignore[assignment]

#: The file at the root of every site the tool builds: the proof that a folder may be replaced.
SITE_MARKER = ".generator-site"
MARKER_TEXT = "A site built by `python -m generator build`. Every build replaces this folder whole.\n"
#: Staging folders of a build (``building``) and, where folders cannot be swapped, a retired site (``retired``).
_LEFTOVER = r"\.{name}-(building|retired)-[A-Za-z0-9_]{{8}}"


class OutputError(Exception):
    """The tool refuses to write to a path, or could not: one line that says where, why and what to do."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(str(path), message)  # what a worker sends back to the build (pickled) is these two
        self.path, self.message = Path(path), message

    def __str__(self) -> str:
        return f"{display_path(self.path)}: error: {self.message}"

    @classmethod
    def from_os_error(cls, error: OSError, written: Path) -> OutputError:
        """The OSError of a build that writes below ``written``, said as one line at the path it happened to."""
        path = Path(error.filename) if isinstance(error.filename, str) else written
        what = "write the site here" if written in [path, *path.parents] else "read this file"
        return cls(path, f"cannot {what} ({error.strerror or error})")


def check_site_folder(site_dir: Path, *, project: Path, sources: Iterable[Path]) -> Path:
    """Return ``site_dir`` resolved, or raise :class:`OutputError` if a build may not replace it.

    A build replaces the whole folder, so it must be missing, empty, or a site this tool
    built; never the ``project`` folder or a folder that holds it, never one of the
    ``sources`` (the content, docs, overrides, .git), inside one or holding one.
    """
    shown = site_dir
    site_dir = site_dir.resolve()
    project = project.resolve()
    if site_dir == project or site_dir in project.parents:
        what = "the project folder" if site_dir == project else "a folder the project is in"
        raise OutputError(
            shown, f"is {what}, which the build would replace whole; build into a folder of its own, such as site"
        )
    for source in sources:
        source = source.resolve()
        if site_dir == source or source in site_dir.parents or site_dir in source.parents:
            how = "is" if site_dir == source else "is inside" if source in site_dir.parents else "holds"
            reads = f"{how} {display_path(source)}/, which the build reads"
            raise OutputError(shown, f"{reads}; build into a folder of its own, such as site")
    try:
        found = os.lstat(site_dir)
    except FileNotFoundError:
        return site_dir
    except OSError as error:  # a path under a file (ENOTDIR), a folder it may not look into
        raise OutputError(shown, f"cannot make or use this folder ({error.strerror or error})") from None
    if not stat.S_ISDIR(found.st_mode):
        kind = _kind(found.st_mode)
        raise OutputError(shown, f"is {kind}, not a folder: the build would replace it; give a folder for the site")
    try:
        names = os.listdir(site_dir)
    except OSError as error:
        raise OutputError(shown, f"cannot read this folder ({error.strerror or error})") from None
    if names and not is_site(site_dir):
        raise OutputError(
            shown,
            f"holds files that no build of this tool made (it has no {SITE_MARKER}), and a build replaces the whole "
            "folder; give a missing or empty folder, or empty this one",
        )
    return site_dir


def is_site(folder: Path) -> bool:
    """Whether ``folder`` is a site (or a staging folder) this tool made: its marker is a file that says so."""
    marker = folder / SITE_MARKER
    try:
        if not stat.S_ISREG(os.lstat(marker).st_mode):
            return False
        with open(marker, "rb") as file:
            return file.read(len(MARKER_TEXT) + 1) == MARKER_TEXT.encode()
    except OSError:
        return False


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


@contextlib.contextmanager
def staging_folder(site_dir: Path) -> Iterator[Path]:
    """Make the folder a build writes into, beside ``site_dir``; at the end, remove it (or the old site it then holds).

    Leftovers of killed builds beside ``site_dir`` are removed first. The folder
    gets the mode a folder made by ``mkdir`` gets (not mkdtemp's 0700), and the
    marker, which this build holds a lock on until it ends: another build then
    knows the folder is in use.
    """
    remove_leftovers(site_dir)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    except OSError as error:  # said at the folder that refused, not at a name the editor never saw
        raise OSError(error.errno, error.strerror, str(site_dir.parent)) from None
    lock = None
    try:
        os.chmod(staging, 0o777 & ~_umask())
        marker = staging / SITE_MARKER
        marker.write_text(MARKER_TEXT, encoding="utf-8")
        if fcntl is not None:
            lock = open(marker, "rb")  # noqa: SIM115 - held for the whole build
            fcntl.flock(lock, fcntl.LOCK_SH)
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if lock is not None:
            lock.close()


def remove_leftovers(site_dir: Path) -> list[Path]:
    """Remove what killed builds left beside ``site_dir``; return what was removed.

    Only folders named like this tool's staging folders and holding its marker go
    (an empty one too: a build killed before it wrote its marker), and none that
    a running build holds. If a build was killed while ``site_dir`` was retired
    (only where two folders cannot be swapped in one step), the retired site is
    put back instead.
    """
    pattern = re.compile(_LEFTOVER.format(name=re.escape(site_dir.name)))
    try:
        names = sorted(name for name in os.listdir(site_dir.parent) if pattern.fullmatch(name))
    except OSError:  # a parent that does not exist yet, or cannot be read: nothing of ours there
        return []
    removed = []
    for name in names:
        leftover = site_dir.parent / name
        if not stat.S_ISDIR(os.lstat(leftover).st_mode):
            continue
        if not is_site(leftover):
            with contextlib.suppress(OSError):  # only an empty folder goes
                leftover.rmdir()
                removed.append(leftover)
            continue
        with _unless_in_use(leftover) as free:
            if not free:
                continue
            if name.startswith(f".{site_dir.name}-retired-") and not os.path.lexists(site_dir):
                os.rename(leftover, site_dir)
                continue
            shutil.rmtree(leftover)
            removed.append(leftover)
    return removed


@contextlib.contextmanager
def _unless_in_use(folder: Path) -> Iterator[bool]:
    """Yield whether no running build holds ``folder``'s marker; hold it meanwhile."""
    if fcntl is None:  # pragma: no cover - no way to know: leave it
        yield False
        return
    with open(folder / SITE_MARKER, "rb") as marker:
        try:
            fcntl.flock(marker, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True


def publish(staging: Path, site_dir: Path) -> None:
    """Put the freshly built ``staging`` folder in place of ``site_dir``, in one step; ``staging`` then holds the old.

    The caller removes ``staging`` afterwards (it holds the old site, or nothing).
    """
    if not os.path.lexists(site_dir):
        try:
            os.rename(staging, site_dir)
            return
        except OSError as error:  # another build published meanwhile: swap with its site
            if error.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
    try:
        exchange(staging, site_dir)
    except _ExchangeUnsupportedError:  # two renames: a killed build is then mended by the next one (remove_leftovers)
        retired = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-retired-", dir=site_dir.parent))
        with _held(site_dir / SITE_MARKER):  # another build must not put it back meanwhile
            os.rename(site_dir, retired)  # replaces the empty folder
            os.rename(staging, site_dir)
            os.rename(retired, staging)


@contextlib.contextmanager
def _held(marker: Path) -> Iterator[None]:
    """Hold a lock on ``marker`` (if it exists): no other build takes its folder for a leftover meanwhile."""
    if fcntl is None or not marker.is_file():
        yield
        return
    with open(marker, "rb") as file:
        fcntl.flock(file, fcntl.LOCK_SH)
        yield


class _ExchangeUnsupportedError(Exception):
    """This system or file system cannot swap two folders in one step."""


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(first: Path, second: Path) -> None:
    """Swap two folders in one step (Linux's ``renameat2`` with ``RENAME_EXCHANGE``).

    Raises :class:`_ExchangeUnsupportedError` where that does not exist (another system, a
    C library before glibc 2.28, a file system that does not support it).
    """
    renameat2 = _renameat2()
    if renameat2 is None:
        raise _ExchangeUnsupportedError
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
            raise _ExchangeUnsupportedError
        raise OSError(code, os.strerror(code), str(second))


def _renameat2() -> Callable[..., int] | None:  # a ctypes function, or None
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def check_output_file(path: Path, *, mark: str, sources: Iterable[Path]) -> None:
    """Raise :class:`OutputError` unless ``path`` may be written: missing, or a file this tool wrote.

    A file this tool wrote holds ``mark`` in its first KiB; anything else (a content
    file, a page, a folder, a device) is never replaced, and nothing is written
    inside the ``sources``, the folders the tool reads.
    """
    real = path.resolve()
    for source in sources:
        source = source.resolve()
        if real == source or source in real.parents:
            where = "is" if real == source else "is inside"
            raise OutputError(path, f"{where} {display_path(source)}/, which the tool reads; write it elsewhere")
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:  # a path under a file (ENOTDIR), a folder it may not look into
        raise OutputError(path, f"cannot write here ({error.strerror or error})") from None
    if not stat.S_ISREG(found.st_mode):
        raise OutputError(path, f"is {_kind(found.st_mode)}, which is never replaced; give the path of a file")
    try:
        with open(path, "rb") as file:
            ours = mark.encode() in file.read(1024)
    except OSError as error:
        raise OutputError(path, f"cannot read it to see what it is ({error.strerror or error})") from None
    if not ours:
        raise OutputError(path, "is a file this tool did not write, and would be replaced; give another path")


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
