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
