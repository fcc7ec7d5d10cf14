"""No command prints a traceback: a reader that goes away early (``| head``) ends it quietly.

Each command runs on a copy of the project with its standard output closed
before it writes anything, the harshest case of ``python -m generator … | head``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

COMMANDS = [
    pytest.param(["--help"], id="help"),  # argparse itself ignores a closed output: it ends with 0
    pytest.param(["check"], id="check"),
    pytest.param(["check", "--strict"], id="check-strict"),
    pytest.param(["i18n", "status"], id="i18n-status"),
    pytest.param(["i18n", "status", "--json"], id="i18n-status-json"),
    pytest.param(["i18n", "extract"], id="i18n-extract"),
    pytest.param(["i18n", "update"], id="i18n-update"),
    pytest.param(["i18n", "add", "nl-NL", "--market", "us"], id="i18n-add"),
    pytest.param(["build", "--locale", "en-US", "--site-dir", "built"], id="build"),
]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_whose_reader_has_gone_ends_quietly(project, command):
    python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", *command],
        cwd=project,
        env={**os.environ, "PYTHONPATH": python_path, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader goes away before the command writes a byte

    _, errors = process.communicate(timeout=300)

    assert "Traceback" not in errors
    assert "BrokenPipeError" not in errors
    assert "Exception ignored" not in errors
    assert process.returncode == (0 if command == ["--help"] else 141), errors
