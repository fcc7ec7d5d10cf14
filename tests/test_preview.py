"""The live preview (`python -m generator serve`, `make serve`) follows every edit, and survives broken ones.

A real server on a copy of the project, on a free port of 127.0.0.1: an edit
of the policy is served; a broken policy or template prints its problems (no
traceback) while the last good site stays on show; the fix is served again.
Each step waits for what the server says or serves, never for a length of
time (the overall deadline only ends a test that would hang).
"""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Only ends a test that would otherwise hang: each step waits for a state.
DEADLINE = 120.0
TITLE = "title: Find out how to get your device back"


class Preview:
    """A running preview: its address, and the lines it printed."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str] = queue.Queue()
        self.printed: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        served = self.wait_for_line(r"Serving on (http://127\.0\.0\.1:\d+/en-us/)")
        self.url = served[1]

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, pattern: str) -> re.Match[str]:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, "\n".join(self.printed)
                continue
            self.printed.append(line)
            found = re.search(pattern, line)
            if found:
                return found
        pytest.fail(f"the preview never printed {pattern!r}:\n" + "\n".join(self.printed))

    def page(self, path: str = "finder/") -> str:
        try:
            with urllib.request.urlopen(self.url + path, timeout=DEADLINE) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return f"HTTP {error.code}"

    def wait_for_page(self, check: Callable[[str], bool], path: str = "finder/") -> str:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            html = self.page(path)
            if check(html):
                return html
            self.wait_for_line(r"Reloading browsers|still shows the last good build")
        pytest.fail(f"the preview never served the expected page:\n{html[:500]}")


def start(project: Path, temporary: Path, *arguments: str) -> subprocess.Popen[str]:
    """Start ``python -m generator serve`` in ``project``, its temporary folders in ``temporary``."""
    python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    temporary.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", *(arguments or ("--dev-addr", "127.0.0.1:0"))],
        cwd=project,
        env={**os.environ, "PYTHONPATH": python_path, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    assert process.stdout is not None
    process.stdout.close()


@pytest.fixture
def preview(project, tmp_path) -> Iterator[Preview]:
    process = start(project, tmp_path / "temporary")
    try:
        yield Preview(process)
    finally:
        stop(process)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_of_the_policy_is_served(project, preview):
    assert "Find out how to get your device back" in preview.page()

    _edit(project / "content" / "policy.yaml", TITLE, "title: Where is my device?")

    html = preview.wait_for_page(lambda html: "Where is my device?" in html)
    assert "Find out how to get your device back" not in html


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        pytest.param(
            "content/policy.yaml",
            "outcome: contact-support",
            "outcome: contact-suport",
            r"policy\.yaml:\d+:\d+: error: unknown outcome 'contact-suport'",
            id="broken-policy",
        ),
        pytest.param(
            "overrides/main.html",
            "{% extends",
            "{% block unclosed %}{% extends",
            r"overrides/main\.html:\d+: ",
            id="broken-template",
        ),
    ],
)
def test_a_broken_edit_keeps_the_last_good_site_until_it_is_fixed(project, preview, file, old, new, problem):
    path = project / file
    good = path.read_text(encoding="utf-8")

    _edit(path, old, new)
    preview.wait_for_line(problem)
    preview.wait_for_line("still shows the last good build")

    assert "Find out how to get your device back" in preview.page()
    path.write_text(good, encoding="utf-8")
    _edit(project / "content" / "policy.yaml", TITLE, "title: Fixed again")
    preview.wait_for_page(lambda html: "Fixed again" in html)
    assert "Traceback" not in "\n".join(preview.printed)


def test_a_stopped_preview_leaves_no_folder_behind(project, tmp_path):
    process = start(project, tmp_path / "temporary")
    preview = Preview(process)
    assert "Find out how to get your device back" in preview.page()
    (folder,) = (tmp_path / "temporary").iterdir()
    assert folder.name.startswith("help-preview-")

    stop(process)  # SIGTERM, as a terminal closing or a test runner would

    assert process.returncode == 0
    assert list((tmp_path / "temporary").iterdir()) == []


def test_a_port_in_use_is_said_in_one_line(project, tmp_path, preview):
    port = preview.url.split(":")[2].split("/")[0]

    second = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        check=False,
    )

    assert second.returncode == 1
    assert "Traceback" not in second.stdout + second.stderr
    assert f"Cannot serve on 127.0.0.1:{port} (Address already in use)" in second.stderr


@pytest.mark.parametrize("address", ["8000", "localhost", "127.0.0.1:70000", "127.0.0.1:port"])
def test_a_wrong_address_is_refused(address, capsys):
    from generator.cli import main

    assert main(["serve", "--dev-addr", address]) == 1
    assert capsys.readouterr().err == (
        f"error: --dev-addr must be host:port with a port from 0 to 65535, not {address!r}\n"
    )
