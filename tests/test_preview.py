"""The live preview (`python -m generator serve`, `make serve`) follows every edit, and survives broken ones.

A real server on a copy of the project, on a free port of 127.0.0.1: an edit
of the policy is served; a broken policy or template prints its problems (no
traceback) and every page answers with them; the fix is served again.
Each step waits for what the server says or serves, never for a length of
time (the overall deadline only ends a test that would hang).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from html import unescape

import pytest

from support import DEADLINE, EXAMPLE_DIR, EXAMPLE_POLICY_PAGES, ROOT, Preview, edit_file, start, stop

TITLE = "title: Find out how to get your device back"


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


@pytest.fixture
def help_center_preview(project, tmp_path) -> Iterator[Preview]:
    """A preview of the example help center (the trade-in policy, warranty, cancel-order) as the project's content."""
    shutil.rmtree(project / "content")
    shutil.copytree(EXAMPLE_DIR, project / "content")
    process = start(project, tmp_path / "temporary")
    try:
        yield Preview(process)
    finally:
        stop(process)


#: A page of each policy of the example, and words it shows.
POLICY_PAGES = [
    (EXAMPLE_POLICY_PAGES["trade-in"]["article"], "You send the refurbisher a prepaid return label"),
    (EXAMPLE_POLICY_PAGES["cancel-order"]["finder"], "Find out how to cancel your order"),
    (EXAMPLE_POLICY_PAGES["warranty"]["article"], "The seller repairs your device for free"),
]


def test_an_edit_of_one_policy_of_a_help_center_is_served_and_a_broken_one_shows_its_problems_everywhere(
    project, help_center_preview
):
    preview, warranty = help_center_preview, project / "content" / "policies" / "warranty.yaml"
    article = EXAMPLE_POLICY_PAGES["warranty"]["article"]
    finder = json.loads(preview.page(EXAMPLE_POLICY_PAGES["warranty"]["finder"].removesuffix("/") + ".json"))
    deep = max((node for node in finder["nodes"] if node.get("outcome") == "free-repair"), key=lambda n: len(n["id"]))
    result = deep["url"].removeprefix(preview.url)  # a page made when asked for
    for address, words in POLICY_PAGES:
        assert words in unescape(preview.page(address)), address

    edit_file(warranty, "title: The seller repairs your device for free", "title: A free repair, edited")
    preview.wait_for_page(lambda html: "A free repair, edited" in unescape(html), article)

    assert "A free repair, edited" in unescape(preview.page(result))
    for address, words in POLICY_PAGES[:2]:
        assert words in unescape(preview.page(address)), address
    edit_file(warranty, "outcome: free-repair", "outcome: free-repiar")  # while one policy is broken, so is the site
    preview.wait_for_line(r"policies/warranty\.yaml:\d+:\d+: error: unknown outcome 'free-repiar'")
    for address, _ in POLICY_PAGES:
        html = preview.page(address)
        assert html.startswith("HTTP 503\n"), address
        assert "policies/warranty.yaml" in unescape(html), address
    edit_file(warranty, "outcome: free-repiar", "outcome: free-repair")
    preview.wait_for_page(lambda html: "A free repair, edited" in unescape(html), article)
    for address, words in POLICY_PAGES[:2]:
        assert words in unescape(preview.page(address)), address
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


#: Runs the preview with its proof held, for the edits that name ``HELD``, until the test writes to the gate
#: (a named pipe): a slow proof whose end the test decides, never a length of time.
HOLDING = """
import sys
from pathlib import Path

import os

import generator.mkdocs.preview as preview

gate, real = sys.argv.pop(1), preview.proven_content


def held(folder):
    if "Held proof" in (Path(folder) / "policy.yaml").read_text(encoding="utf-8"):
        # Open the gate before saying so: the test releases it as soon as it reads the line. Read and write,
        # so that opening does not wait for the test, and reading waits for its byte.
        waiting = os.open(gate, os.O_RDWR)
        print("proof held", flush=True)
        os.read(waiting, 1)
        os.close(waiting)
    return real(folder)


preview.proven_content = held
from generator.cli import main

sys.exit(main(sys.argv[1:]))
"""
HELD = "title: Held proof"


class Held:
    """A preview whose proof of an edit naming ``HELD`` waits until :meth:`release`."""

    def __init__(self, project, temporary, ready="Serving on"):
        self.gate = temporary.parent / "gate"
        os.mkfifo(self.gate)
        temporary.mkdir(exist_ok=True)
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDING, str(self.gate), "serve", "--dev-addr", "127.0.0.1:0"],
            cwd=project,
            env={**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temporary)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.preview = Preview(self.process, ready)

    def release(self):
        gate = os.open(self.gate, os.O_WRONLY | os.O_NONBLOCK)  # fails if the proof is not waiting
        os.write(gate, b"\n")
        os.close(gate)


@pytest.fixture
def held(project, tmp_path) -> Iterator[Held]:
    held = Held(project, tmp_path / "temporary")
    try:
        yield held
    finally:
        stop(held.process)


#: Long enough for any page of a preview that answers at once; a preview waiting for the proof takes forever.
ANSWER_SECONDS = 30


def answer(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=ANSWER_SECONDS) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.mark.parametrize(
    ("before", "status", "shown"),
    [
        pytest.param("", 200, "Find out how to get your device back", id="the-last-good-site"),
        pytest.param("contact-suport", 503, "unknown outcome &#39;contact-suport&#39;", id="the-problems-page"),
    ],
)
def test_while_a_slow_proof_runs_the_preview_answers_with_what_it_showed_before(project, held, before, status, shown):
    policy = project / "content" / "policy.yaml"
    preview = held.preview
    good = policy.read_text(encoding="utf-8")
    if before:
        edit_file(policy, "outcome: contact-support", f"outcome: {before}")
        preview.wait_for_line("The browser shows the problems")
    policy.write_text(good.replace(TITLE, HELD), encoding="utf-8")  # fixed and held in one write
    preview.wait_for_line("proof held")

    code, html = answer(preview.url + "finder/")
    assert (code, shown in html) == (status, True)
    for address in ["", "get-your-device-back/", "assets/favicon.svg"]:
        assert answer(preview.url + address)[0] == (200 if address.endswith(".svg") else status), address
    code, _ = answer(preview.url.removesuffix("en-us/") + "livereload/0/0")
    assert code == 200, "the live-reload poll is answered too"

    held.release()
    html = preview.wait_for_page(lambda html: "Held proof" in html)
    assert "Find out how to get your device back" not in html


def test_while_the_first_build_runs_every_page_says_so_and_reloads_when_it_is_done(project, tmp_path):
    edit_file(project / "content" / "policy.yaml", TITLE, HELD)
    held = Held(project, tmp_path / "temporary", ready="Building the site for")
    try:
        held.preview.wait_for_line("proof held")

        code, html = answer(held.preview.url + "finder/")
        assert code == 503
        assert "The preview is building the site" in html
        assert "/livereload/" in html, "the page reloads by itself once the build is done"

        held.release()
        held.preview.wait_for_line("Serving on")
        assert "Held proof" in held.preview.page()
    finally:
        stop(held.process)


def _port_is_closed(url: str) -> bool:
    host, port = url.split("/")[2].split(":")
    try:
        socket.create_connection((host, int(port)), timeout=ANSWER_SECONDS).close()
    except ConnectionRefusedError:
        return True
    return False


@pytest.mark.parametrize(
    "busy",
    [
        pytest.param({"idle"}, id="an-idle-connection"),
        pytest.param({"poll"}, id="a-live-reload-poll"),
        pytest.param({"proof"}, id="a-proof-under-way"),
        pytest.param({"idle", "poll", "proof"}, id="all-at-once"),
        pytest.param({"signals"}, id="a-burst-of-signals"),  # a process manager that sends again, Ctrl-C twice
    ],
)
def test_sigterm_stops_a_busy_preview_and_closes_its_port(project, tmp_path, held, busy):
    preview = held.preview
    root = preview.url.removesuffix("en-us/")
    host, port = root.split("/")[2].split(":")
    held_open = []
    if "idle" in busy:  # connected, sends nothing
        held_open.append(socket.create_connection((host, int(port)), timeout=DEADLINE))
    if "poll" in busy:  # waits for a build that never comes
        poll = socket.create_connection((host, int(port)), timeout=DEADLINE)
        poll.sendall(b"GET /livereload/99999999999999/1 HTTP/1.1\r\nHost: preview\r\n\r\n")
        held_open.append(poll)
        preview.wait_for_line("Browser connected")
    if "proof" in busy:
        edit_file(project / "content" / "policy.yaml", TITLE, HELD)
        preview.wait_for_line("proof held")
    try:
        held.process.terminate()
        if "signals" in busy:  # more while it cleans up
            preview.wait_for_line("Shutting down")
            for _ in range(100):
                held.process.terminate()
        held.process.wait(timeout=DEADLINE)  # only a guard: the preview exits at once
    finally:
        for connection in held_open:
            connection.close()

    assert held.process.returncode == 0
    assert _port_is_closed(root)
    assert list((tmp_path / "temporary").iterdir()) == []
    assert "Traceback" not in preview.everything_printed()
