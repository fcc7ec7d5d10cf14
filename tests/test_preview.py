"""The live preview (`python -m generator serve`, `make serve`) follows every edit, and survives broken ones.

A real server on a copy of the project, on a free port of 127.0.0.1: an edit
of the policy is served; a broken policy or template prints its problems (no
traceback) and every page answers with them; the fix is served again.
Each step waits for what the server says or serves, never for a length of
time (the overall deadline only ends a test that would hang).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from html import unescape

import pytest

from support import DEADLINE, ROOT, Preview, edit_file, start, stop

TITLE = "title: Find out how to get your device back"


@pytest.fixture
def preview(project, tmp_path) -> Iterator[Preview]:
    process = start(project, tmp_path / "temporary")
    try:
        yield Preview(process)
    finally:
        stop(process)


def test_an_edit_of_the_policy_is_served(project, preview):
    assert "Find out how to get your device back" in preview.page()

    edit_file(project / "content" / "policy.yaml", TITLE, "title: Where is my device?")

    html = preview.wait_for_page(lambda html: "Where is my device?" in html)
    assert "Find out how to get your device back" not in html


@pytest.mark.parametrize(
    ("file", "old", "new", "problem", "shown"),
    [
        pytest.param(
            "content/policy.yaml",
            "outcome: contact-support",
            "outcome: contact-suport",
            r"policy\.yaml:\d+:\d+: error: unknown outcome 'contact-suport'",
            r"<code class=\"where\">content/policy\.yaml:\d+:\d+</code>: unknown outcome 'contact-suport'.*"
            r"<mark><span class=\"line-number\"> *\d+ │ </span>    outcome: contact-suport</mark>",
            id="broken-policy",
        ),
        pytest.param(
            "overrides/main.html",
            "{% extends",
            "{% block unclosed %}{% extends",
            r"overrides/main\.html:\d+: ",
            r"<pre>overrides/main\.html:\d+: ",
            id="broken-template",
        ),
    ],
)
def test_a_broken_edit_shows_its_problems_at_every_address_until_it_is_fixed(
    project, preview, file, old, new, problem, shown
):
    path = project / file
    good = path.read_text(encoding="utf-8")

    edit_file(path, old, new)
    preview.wait_for_line(problem)
    preview.wait_for_line("The browser shows the problems")

    for address in ["", "finder/", "get-your-device-back/", "finder/no-such-answer/", "review/"]:
        html = preview.page(address)
        assert html.startswith("HTTP 503\n"), address
        assert "The preview cannot show the site" in html
        assert re.search(shown, unescape(html), re.S), html[:2000]
        assert "/livereload/" in html, "the page reloads by itself once the edit is fixed"
    path.write_text(good, encoding="utf-8")
    edit_file(project / "content" / "policy.yaml", TITLE, "title: Fixed again")
    preview.wait_for_page(lambda html: "Fixed again" in html)
    assert "Traceback" not in "\n".join(preview.printed)


def test_a_preview_started_on_broken_content_shows_the_problems_then_the_site(project, tmp_path):
    policy = project / "content" / "policy.yaml"
    edit_file(policy, "outcome: contact-support", "outcome: contact-suport")
    process = start(project, tmp_path / "temporary")
    try:
        preview = Preview(process)
        assert "unknown outcome 'contact-suport'" in unescape(preview.page())
        edit_file(policy, "outcome: contact-suport", "outcome: contact-support")
        preview.wait_for_page(lambda html: "Find out how to get your device back" in html)
    finally:
        stop(process)


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
