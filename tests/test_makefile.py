"""The Makefile's editor targets: what they run, read from `make -n` (nothing is run)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def planned(*arguments: str) -> str:
    """What make would run for ``arguments``, every prerequisite included (-B), without running it."""
    result = subprocess.run(["make", "-n", "-B", *arguments], cwd=ROOT, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.mark.parametrize("target", ["check", "build", "serve", "report", "i18n"])
def test_editor_targets_need_no_npm(target):
    plan = planned(target)

    assert "pip install" in plan
    assert "npm" not in plan


def test_the_tests_install_the_html_checkers():
    assert "npm ci" in planned("test")


def test_serve_takes_a_port_and_a_locale():
    plan = planned("serve", "PORT=8001", "LOCALE=fr-FR")

    assert "-m generator serve --locale fr-FR --dev-addr 127.0.0.1:8001" in plan


#: What each editor target runs, with CONTENT=examples/help-center: the command names that folder.
WITH_CONTENT = [
    pytest.param("check", "-m generator check --content examples/help-center", id="check"),
    pytest.param("build", "CONTENT=examples/help-center .venv/bin/python -m generator build", id="build"),
    pytest.param("serve", "CONTENT=examples/help-center .venv/bin/python -m generator serve", id="serve"),
    pytest.param("report", "-m generator report --content examples/help-center -o report.html", id="report"),
    pytest.param("i18n", "-m generator i18n --content examples/help-center update", id="i18n-update"),
    pytest.param("i18n", "-m generator i18n --content examples/help-center status", id="i18n-status"),
]


@pytest.mark.parametrize(("target", "command"), WITH_CONTENT)
def test_editor_targets_read_the_content_folder_named(target, command):
    assert command in planned(target, "CONTENT=examples/help-center")


@pytest.mark.parametrize(("target", "command"), WITH_CONTENT)
def test_editor_targets_read_content_by_default(target, command):
    assert command.replace("examples/help-center", "content") in planned(target)
