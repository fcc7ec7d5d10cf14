"""A failed build never touches the published site, and says what failed, where.

The site is built into a temporary folder beside the target and put in place
with a rename (generator/site.py). Here a good site is published, then the
content of a copy of the project is broken in several ways, and built again
into the same folder: through ``build_site`` and through the command line. The
build fails with located errors, and the published site is byte-for-byte what
it was, with no temporary folder left beside it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.helpcenter.folder import load_content
from generator.mkdocs.site import BuildError, build_site

ROOT = Path(__file__).resolve().parent.parent


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert text.count(old) >= 1, f"{path} no longer has {old!r}: update this test"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _append(path: str, text: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        file = project / path
        file.parent.mkdir(parents=True, exist_ok=True)
        with file.open("a", encoding="utf-8") as handle:
            handle.write(text)

    return edit


#: Ways to break the project, and the error each must produce (a regular expression, one line of the output).
BREAKS = {
    # A scenario that now also covers what another covers: found before anything is built.
    "overlap in scenarios": (
        _replace(
            "content/policy.yaml",
            "device-status: [not-flagged]\n      reason: [counteroffer]",
            "device-status: [not-flagged, status-unknown]\n      reason: [counteroffer]",
        ),
        r"^content/policy\.yaml:\d+:\d+: error: scenario 'declined-counteroffer' has device-status: "
        r"\[not-flagged, status-unknown\], so it overlaps 'unknown-status-counteroffer' ",
    ),
    # A translation that renames a placeholder: found before anything is built.
    "broken catalog placeholder": (
        _replace("content/locales/fr-FR.po", "sous {free_return_delay}.", "sous {free_return_delai}."),
        r"^content/locales/fr-FR\.po:\d+:1: error: [a-z/-]+: .*placeholder \{free_return_dela[iy]\}",
    ),
    # A template MkDocs cannot read: found while the locales build, once the temporary folder exists.
    "broken template": (
        _append("overrides/main.html", "{% block unclosed %}\n"),
        r"^error: [a-z]{2}-[A-Z]{2}: overrides/main\.html:\d+: ",
    ),
    # A hand-written page with a dead link, which MkDocs's strict mode refuses: found while the locales build.
    "dead link in a hand-written page": (
        _append("docs/broken.md", "# Broken\n\n[A page that does not exist](missing.md)\n"),
        r"^[a-z]{2}-[A-Z]{2}: .*'broken\.md'.*'missing\.md'",
    ),
}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    """A site built from the real project, once for the module; each test publishes a copy of it."""
    site = tmp_path_factory.mktemp("good") / "site"
    build_site(ROOT / "mkdocs.yml", site, list(load_content(ROOT / "content").locales.published), strict=True)
    return site


def _digest(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (and every folder, as ``/``), with a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): "/" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture
def published(good_site, tmp_path) -> Path:
    """A published site, in a folder of its own (``out/site``)."""
    site = tmp_path / "out" / "site"
    shutil.copytree(good_site, site)
    return site


@pytest.mark.parametrize("name", list(BREAKS))
def test_a_failed_build_leaves_the_published_site_untouched(project, published, capsys, name):
    break_project, expected = BREAKS[name]
    before = _digest(published)
    assert len(before) > 100
    break_project(project)

    with pytest.raises(BuildError) as failure:
        build_site(project / "mkdocs.yml", published, list(load_content(ROOT / "content").locales.published))
    message = str(failure.value)
    assert re.search(expected.removeprefix("^error: "), message, re.M), message
    assert _digest(published) == before
    assert sorted(path.name for path in published.parent.iterdir()) == ["site"]

    status = main(["build", "--site-dir", str(published)])
    out, err = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in out + err
    assert re.search(expected, err, re.M), err
    assert _digest(published) == before
    assert sorted(path.name for path in published.parent.iterdir()) == ["site"]


def test_a_good_build_replaces_the_published_site(project, published, capsys):
    """The same folder, rebuilt from sound content, holds the new site and nothing else."""
    _replace("content/interface.yaml", "site_name: Help Center", "site_name: Trade-in Help Center")(project)
    (published / "stale.html").write_text("left from an older build", encoding="utf-8")

    assert main(["build", "--site-dir", str(published), "--locale", "en-US"]) == 0
    capsys.readouterr()
    assert not (published / "stale.html").exists()
    assert sorted(path.name for path in published.iterdir()) == [".generator-site", "en-us", "index.html", "llms.txt"]
    assert "<title>Trade-in Help Center</title>" in (published / "index.html").read_text(encoding="utf-8")
    assert sorted(path.name for path in published.parent.iterdir()) == ["site"]


@pytest.mark.parametrize(
    ("umask", "before", "after"),
    [
        pytest.param(0o022, None, 0o644, id="new-file-umask-022"),
        pytest.param(0o077, None, 0o600, id="new-file-umask-077"),
        pytest.param(0o022, 0o664, 0o664, id="existing-file-keeps-its-mode"),
    ],
)
def test_a_file_written_atomically_gets_the_mode_a_file_written_in_place_would(tmp_path, umask, before, after):
    import os

    from generator.content.publish import write_atomically

    target = tmp_path / "catalog.po"
    if before is not None:
        target.write_text("old", encoding="utf-8")
        target.chmod(before)
    previous = os.umask(umask)
    try:
        write_atomically(target, "new")
    finally:
        os.umask(previous)

    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == after
    assert [path.name for path in tmp_path.iterdir()] == ["catalog.po"]  # no temporary file left


#: A process that publishes ``argv[3]`` in place of ``argv[4]`` and kills itself (SIGKILL) right after the
#: ``argv[1]``-th step that moves a folder; with ``argv[2] == "renames"``, as where folders cannot be swapped.
KILLED_PUBLISHER = """
import os, signal, sys
from pathlib import Path

import generator.content.publish as publish

steps = 0


def killed_after(function):
    def step(*args, **kwargs):
        global steps
        result = function(*args, **kwargs)
        steps += 1
        if steps == int(sys.argv[1]):
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return step


def cannot_swap(*args):
    raise publish._ExchangeUnsupportedError


os.rename = killed_after(os.rename)
if sys.argv[2] == "renames":
    publish.exchange = cannot_swap
elif hasattr(publish, "exchange"):
    publish.exchange = killed_after(publish.exchange)
publish.publish(Path(sys.argv[3]), Path(sys.argv[4]))
"""


def _site(folder: Path, page: str) -> Path:
    """A small site as a build leaves it: its marker, and one page."""
    folder.mkdir(parents=True)
    (folder / ".generator-site").write_text(
        "A site built by `python -m generator build`. Every build replaces this folder whole.\n", encoding="utf-8"
    )
    (folder / "index.html").write_text(page, encoding="utf-8")
    return folder


def _python(*arguments: str) -> subprocess.CompletedProcess[str]:
    import generator

    home = str(Path(generator.__file__).resolve().parent.parent)  # the code under test, in the child too
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [home, os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, *arguments], env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("steps", "kill_after", "always"),
    [
        pytest.param("swap", 1, True, id="swap-killed-after-the-swap"),
        pytest.param("renames", 1, False, id="renames-killed-after-the-first"),
        pytest.param("renames", 2, False, id="renames-killed-after-the-second"),
        pytest.param("renames", 3, False, id="renames-killed-after-the-third"),
    ],
)
def test_a_build_killed_while_publishing_leaves_a_site(tmp_path, steps, kill_after, always):
    """With a swap there is a site at every moment; with two renames, the next build puts the site back."""
    site = _site(tmp_path / "out" / "site", "old")
    staging = _site(tmp_path / "out" / ".site-building-abcd1234", "new")
    script = tmp_path / "publisher.py"
    script.write_text(KILLED_PUBLISHER, encoding="utf-8")

    killed = _python(str(script), str(kill_after), steps, str(staging), str(site))

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if always:
        assert (site / "index.html").read_text(encoding="utf-8") in {"old", "new"}
    from generator.content.publish import remove_leftovers

    remove_leftovers(site)  # what the next build does first
    assert (site / "index.html").read_text(encoding="utf-8") in {"old", "new"}
    assert [path.name for path in site.parent.iterdir()] == ["site"]


#: What may lie beside a site: (the entry, how to make it, whether the next build removes it).
BESIDE = [
    pytest.param(".site-building-abcd1234", lambda path: _site(path, "killed"), True, id="a-killed-build"),
    pytest.param(".site-retired-abcd1234", lambda path: _site(path, "retired"), True, id="a-retired-site"),
    pytest.param(".site-building-empty123", Path.mkdir, True, id="killed-before-its-marker"),
    pytest.param(".site-old", lambda path: path.write_text("x", encoding="utf-8"), False, id="a-file-site-old"),
    pytest.param(".site-old", lambda path: path.mkdir(), False, id="an-old-folder"),
    pytest.param(".site-building-abcd1234", lambda path: (path.mkdir(), (path / "a").touch()), False, id="no-marker"),
    pytest.param(".site-building-abcd12345", lambda path: _site(path, "x"), False, id="another-name"),
    pytest.param(".notes-building-abcd1234", lambda path: _site(path, "x"), False, id="another-site's-name"),
    pytest.param(
        ".site-building-abcd1234", lambda path: path.symlink_to(_site(path.with_name("t"), "x")), False, id="a-link"
    ),
]


@pytest.mark.parametrize(("name", "make", "removed"), BESIDE)
def test_the_next_build_removes_only_the_leftovers_it_made(tmp_path, name, make, removed):
    from generator.content.publish import remove_leftovers

    site = _site(tmp_path / "site", "published")
    make(tmp_path / name)

    remove_leftovers(site)

    assert (tmp_path / name).exists() is not removed
    assert (site / "index.html").read_text(encoding="utf-8") == "published"


def test_a_leftover_that_a_running_build_holds_stays(tmp_path):
    import fcntl

    from generator.content.publish import remove_leftovers

    site = _site(tmp_path / "site", "published")
    running = _site(tmp_path / ".site-building-abcd1234", "being built")
    with open(running / ".generator-site", "rb") as marker:
        fcntl.flock(marker, fcntl.LOCK_SH)  # as a running build holds its staging folder
        remove_leftovers(site)
        assert (running / "index.html").read_text(encoding="utf-8") == "being built"
    remove_leftovers(site)
    assert not running.exists()


def test_a_build_beside_a_leftover_file_succeeds_and_leaves_it(project, published, capsys):
    """A `.site-old` that is a file (no build of this tool made it) stays as it is, and no traceback."""
    (published.parent / ".site-old").write_text("mine", encoding="utf-8")
    killed = _site(published.parent / ".site-building-abcd1234", "killed")
    (killed / "en-us").mkdir()

    status = main(["build", "--site-dir", str(published), "--locale", "en-US"])
    out, err = capsys.readouterr()

    assert (status, err) == (0, "")
    assert "Traceback" not in out
    assert sorted(path.name for path in published.parent.iterdir()) == [".site-old", "site"]
    assert (published.parent / ".site-old").read_text(encoding="utf-8") == "mine"


#: A build whose locale workers announce themselves on the named pipe ``argv[1]``, then build for ever.
BLOCKED_BUILD = """
import os, sys, threading
from pathlib import Path

import generator.mkdocs.site as site


def blocked(config_file, target, tag, base_url):
    Path(target).mkdir(parents=True)
    with open(os.environ["ANNOUNCE"], "w") as announce:
        announce.write(f"{os.getpid()}\\n")
    threading.Event().wait()


if __name__ == "__main__":
    site._build_locale = blocked
    from generator.cli import main
    sys.exit(main(["build", "--site-dir", sys.argv[1]]))
"""


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="waits for the end of a process with a pidfd (Linux)")
def test_a_killed_build_leaves_no_worker_and_the_next_build_cleans_up(project, published, tmp_path, capsys):
    import generator

    before = _digest(published)
    script, announce = tmp_path / "blocked.py", tmp_path / "announce"
    script.write_text(BLOCKED_BUILD, encoding="utf-8")
    os.mkfifo(announce)
    reader = os.open(announce, os.O_RDONLY | os.O_NONBLOCK)
    keep_open = os.open(announce, os.O_WRONLY)  # so that the pipe never reads as ended
    home = str(Path(generator.__file__).resolve().parent.parent)
    build = subprocess.Popen(
        [sys.executable, str(script), str(published)],
        cwd=project,
        env={**os.environ, "ANNOUNCE": str(announce), "PYTHONPATH": home, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    handles: list[int] = []
    try:
        workers = min(5, os.cpu_count() or 1)
        announced = b""
        while announced.count(b"\n") < workers:  # each worker says it is building
            assert select.select([reader], [], [], 120)[0], "the workers never started"
            announced += os.read(reader, 1024)
        handles = [os.pidfd_open(int(pid)) for pid in announced.split()]

        build.kill()
        build.wait(timeout=60)
        running, deadline = set(handles), time.monotonic() + 30
        while running and time.monotonic() < deadline:  # a pidfd reads as ready once its process ended
            running -= set(select.select(list(running), [], [], max(0, deadline - time.monotonic()))[0])

        assert running == set(), "a worker outlived the build that started it"
    finally:
        build.kill()
        for handle in handles:  # a worker that outlived its build is ended here, not left running
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(handle, signal.SIGKILL)
            os.close(handle)
        os.close(reader)
        os.close(keep_open)
    leftovers = sorted(path.name for path in published.parent.iterdir() if path.name != "site")
    assert [name.rstrip("abcdefghijklmnopqrstuvwxyz0123456789_") for name in leftovers] == [".site-building-"]
    assert _digest(published) == before  # the published site is as it was

    assert main(["build", "--site-dir", str(published), "--locale", "en-US"]) == 0
    capsys.readouterr()
    assert sorted(path.name for path in published.parent.iterdir()) == ["site"]
