"""The preview answers every request, whatever the client sends or fails to send, and never with a traceback.

A real preview on a free port of 127.0.0.1, spoken to over a raw socket: a
client that connects and says nothing is let go, so that it does not hold a
worker for ever; a request the preview cannot read gets 400, never 500.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from support import DEADLINE, Preview, start, stop


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Iterator[Preview]:
    import shutil

    from support import ROOT

    project = tmp_path_factory.mktemp("requests") / "project"
    for name in ["content", "overrides", "docs"]:
        shutil.copytree(ROOT / name, project / name)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    process = start(project, project.parent / "temporary")
    try:
        yield Preview(process)
    finally:
        stop(process)


def _connect(preview: Preview) -> socket.socket:
    host, port = preview.url.split("/")[2].split(":")
    return socket.create_connection((host, int(port)), timeout=DEADLINE)


def _response(connection: socket.socket) -> bytes:
    """Everything the preview sends until it closes the connection (the deadline only ends a test that would hang)."""
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    return received


def test_a_client_that_sends_nothing_is_let_go_and_others_are_served_meanwhile(preview):
    with _connect(preview) as idle:
        assert "Find out how to get your device back" in preview.page()
        assert _response(idle) == b"", "the preview closes a connection that sent nothing"


@pytest.mark.parametrize(
    "request_line",
    [
        pytest.param(b"GET /en-us/%00 HTTP/1.1", id="percent-encoded-nul"),
        pytest.param(b"GET /en-us/finder/%00/ HTTP/1.1", id="percent-encoded-nul-in-a-folder"),
        pytest.param(b"GET /en-us/\x00 HTTP/1.1", id="nul-byte"),
        pytest.param(b"GET /en-us/%0a HTTP/1.1", id="percent-encoded-newline"),
        pytest.param(b"GET /en-us/%zz HTTP/1.1", id="invalid-percent-encoding"),
        pytest.param(b"GET /en-us/%e9t%e9/ HTTP/1.1", id="percent-encoding-not-utf-8"),
        pytest.param(b"GET /en-us/%ff HTTP/1.1", id="percent-encoded-byte-never-in-utf-8"),
        pytest.param(b"GET /en-us/\xc3\xa9t\xc3\xa9/ HTTP/1.1", id="raw-bytes-above-ascii"),
        pytest.param(b"GET en-us/ HTTP/1.1", id="path-without-slash"),
        pytest.param(b"HELLO", id="not-http"),
        pytest.param(b"GET / SMTP/1.0", id="not-http-version"),
        pytest.param(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", id="tls-handshake"),
    ],
)
def test_a_request_the_preview_cannot_read_gets_400(preview, request_line):
    with _connect(preview) as connection:
        connection.sendall(request_line + b"\r\nHost: preview\r\n\r\n")
        response = _response(connection)

    assert response.split(b"\r\n")[0].split(b" ")[1:2] == [b"400"], response[:300]
    assert b"Traceback" not in response


@pytest.mark.parametrize(
    ("path", "status"),
    [
        pytest.param("/en-us/finder/", b"200", id="a-page"),
        pytest.param("/en-us/%66inder/", b"200", id="a-page-percent-encoded"),
        pytest.param("/en-us/no-such-page/", b"404", id="a-missing-page"),
        pytest.param("/en-us/../../../etc/passwd", b"404", id="a-way-out"),
        pytest.param("/en-us/%2e%2e/%2e%2e/etc/passwd", b"404", id="a-way-out-percent-encoded"),
        pytest.param("/en-us/finder", b"302", id="a-folder-without-its-slash"),
        pytest.param("/", b"302", id="the-root"),
    ],
)
def test_a_readable_request_is_answered_as_a_site_is(preview, path, status):
    with _connect(preview) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: preview\r\n\r\n".encode())
        response = _response(connection)

    assert response.split(b"\r\n")[0].split(b" ")[1:2] == [status], response[:300]
    assert b"root:" not in response


def test_nothing_the_clients_sent_printed_a_traceback(preview):
    # Last in this module: the preview has met every request above.
    assert "Find out how to get your device back" in preview.page()  # and it still serves
    preview.process.terminate()

    assert "Traceback" not in preview.everything_printed()
