"""The preview's web server, which answers at once with what is shown and reloads the browsers.

Our own server on the standard library's ``http.server``, not MkDocs'
live-reload server, whose hooks are all private (DECISIONS.md, "A preview of
our own"). It never waits for a build: every request is answered from what is
shown now (:class:`Shown`: the last good build, or the page of problems while
the content is broken), and a finished build replaces it in one step
(:meth:`PreviewServer.show_site`, :meth:`PreviewServer.show_problems`).
A build may leave pages out of its folder and hand a mapping that renders
them when they are asked for (:attr:`Shown.on_request`): an edit is then
shown without rendering every page of the site.

Every page carries a small script (``LIVE_RELOAD``) that asks
``/livereload/<epoch>/<page>``; the answer comes when what is shown changes
(or after ``POLL_SECONDS``, and the script asks again), and the page reloads.

A client that connects and sends nothing is let go after ``IDLE_SECONDS``;
an address the server cannot read (a NUL byte, a bad percent-encoding, bytes
that are not UTF-8) gets 400; nothing a client sends prints a traceback.
"""

from __future__ import annotations

import http.server
import ipaddress
import itertools
import logging
import mimetypes
import posixpath
import re
import shutil
import socket
import threading
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, replace
from http import HTTPStatus
from pathlib import Path

from generator.content.diagnostics import ContentError, Diagnostic
from generator.rendering.problems_page import problems_page

log = logging.getLogger("generator.preview")

#: How long a client may take to send its request, and to read the answer, before the server lets it go.
IDLE_SECONDS = 5.0
#: How long a live-reload poll waits for a change before it is answered anyway (the page then asks again).
POLL_SECONDS = 30.0
#: The live-reload poll's address: the epoch the page shows, and an id of the page (a page reloads once).
POLL_ADDRESS = re.compile(r"/livereload/([0-9]{1,20})/([0-9]{1,20})")
#: How many pages the server remembers having said "Browser connected" for.
KNOWN_PAGES = 1000

#: Reloads the page once the server shows something newer than ``epoch``. Polls only while the page is visible.
LIVE_RELOAD = """(function (epoch, page) {
  var request, timer;
  function stop() {
    var pending = request;
    request = undefined;
    clearTimeout(timer);
    if (pending) pending.abort();
  }
  function poll() {
    stop();
    var asking = new XMLHttpRequest();
    request = asking;
    asking.onloadend = function () {
      if (request !== asking) return;
      if (parseInt(asking.responseText, 10) > epoch) {
        location.reload();
      } else {
        timer = setTimeout(poll, asking.status === 200 ? 0 : 3000);
      }
    };
    asking.open("GET", "/livereload/" + epoch + "/" + page);
    asking.send();
  }
  window.addEventListener("load", function () {
    if (document.visibilityState === "visible") poll();
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll(); else stop();
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.visibilityState === "visible") poll();  // back from the browser's cache
  });
  window.addEventListener("pagehide", stop);
})(%d, %d);"""

#: What every address answers before the first build is done; it reloads by itself once the build is done.
BUILDING = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Building the preview</title></head>
<body><p>The preview is building the site; this page reloads by itself when it is ready.</p></body></html>
"""


@dataclass(frozen=True)
class Shown:
    """What the preview shows, replaced whole on each build: a request reads one and never sees half of two."""

    #: Grows with each change; a page that shows an older epoch reloads.
    epoch: int
    #: The folder of the last good build, or ``None`` before the first.
    site: Path | None = None
    #: The page of problems while the content is broken, or ``None``.
    problems: bytes | None = None
    #: The files of ``site`` its build did not write, by path below it (``finder/a/index.html``), made when asked.
    on_request: Mapping[str, bytes] | None = None


class PageError(Exception):
    """A page made on request could not be made: the problem is shown in its place, as a build's would be."""

    def __init__(self, problem: str | list[Diagnostic]) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass(frozen=True)
class Answer:
    status: HTTPStatus
    content: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    location: str | None = None


class PreviewServer(http.server.ThreadingHTTPServer):
    """Serves one locale's site under ``mount_path``, each request from what is shown when it arrives."""

    daemon_threads = True  # a request under way never keeps the process alive
    block_on_close = False

    def __init__(self, host: str, port: int, mount_path: str) -> None:
        try:
            if isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address):
                self.address_family = socket.AF_INET6
        except ValueError:  # a host name
            pass
        super().__init__((host, port), PreviewHandler, bind_and_activate=False)
        self.mount_path = mount_path
        self.url = ""
        self.shown = Shown(epoch=_milliseconds())
        #: The build shown before the current one.
        self.retired: Path | None = None
        self.pages = itertools.count(1)  # ids of the pages served, for the live-reload poll
        self.changed = threading.Condition()
        self.stopping = False
        self.serving: threading.Thread | None = None
        self.connected: set[int] = set()

    def start(self) -> None:
        """Listen (``OSError`` if the address is taken) and answer requests in a thread of their own."""
        self.server_bind()
        self.server_activate()
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        self.url = f"http://{host}:{port}{self.mount_path}"
        self.serving = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.1}, name="preview-server", daemon=True
        )
        self.serving.start()

    def stop(self) -> None:
        """Stop answering, let every live-reload poll go, and close the port."""
        with self.changed:
            self.stopping = True
            self.changed.notify_all()
        if self.serving is not None:
            self.shutdown()  # returns once serve_forever has seen it: within its poll interval
        self.server_close()

    def show_site(self, folder: Path, on_request: Mapping[str, bytes] | None = None) -> None:
        """Show the build in ``folder`` from now on; remove the build shown before the one it replaces.

        ``on_request`` makes, when asked, the files of the site that the build
        did not write. The build it replaces stays until the next one: a
        request that began before this one may still be reading it.
        """
        if self.stopping:  # the preview is ending: nobody will see this build
            shutil.rmtree(folder, ignore_errors=True)
            return
        retired = self.shown.site
        self._show(site=folder, problems=None, on_request=on_request)
        if self.retired is not None:
            shutil.rmtree(self.retired, ignore_errors=True)
        self.retired = retired
        log.info("Reloading browsers")

    def show_problems(self, problem: str | list[Diagnostic]) -> None:
        """Answer every page with ``problem`` until :meth:`show_site`; say it in the terminal too."""
        self._show(problems=problems_page(problem or "The build failed: the terminal says why"))
        _say(problem)
        log.error("The browser shows the problems until they are fixed: fix them and save again")

    def _show(self, **changes: object) -> None:
        with self.changed:
            epoch = max(self.shown.epoch + 1, _milliseconds())
            self.shown = replace(self.shown, epoch=epoch, **changes)  # type: ignore[arg-type]
            self.changed.notify_all()

    def wait_for_change(self, epoch: int) -> int:
        """Wait until what is shown is newer than ``epoch``, or ``POLL_SECONDS``, or the server stops."""
        with self.changed:
            self.changed.wait_for(lambda: self.shown.epoch > epoch or self.stopping, timeout=POLL_SECONDS)
            return self.shown.epoch

    def answer(self, path: str) -> Answer:
        """The answer to ``path`` (percent-decoded), from what is shown now; never waits."""
        shown = self.shown
        if path in ("/", self.mount_path.rstrip("/")):
            return Answer(HTTPStatus.FOUND, location=self.mount_path)
        if not path.startswith(self.mount_path):
            return Answer(HTTPStatus.NOT_FOUND, b"Not found: the preview serves " + self.mount_path.encode())
        page = path.endswith(("/", ".html"))
        if page and shown.problems is not None:
            return Answer(HTTPStatus.SERVICE_UNAVAILABLE, self._live(shown.problems, shown.epoch), _HTML)
        if shown.site is None:
            content = self._live(BUILDING, shown.epoch) if page else b"The preview is building the site"
            return Answer(HTTPStatus.SERVICE_UNAVAILABLE, content, _HTML if page else "text/plain; charset=utf-8")
        relative = posixpath.normpath("/" + path[len(self.mount_path) :]).lstrip("/")
        index = posixpath.join(relative, "index.html")
        file = (shown.site / index) if path.endswith("/") else shown.site / relative
        on_request = {} if shown.on_request is None else shown.on_request
        try:
            if not file.resolve().is_relative_to(shown.site.resolve()):  # a symlink out of the site
                return Answer(HTTPStatus.NOT_FOUND, b"Not found")
            if not path.endswith("/") and ((file / "index.html").is_file() or index in on_request):
                return Answer(HTTPStatus.FOUND, location=urllib.parse.quote(path) + "/")
            content = file.read_bytes()
        except OSError:  # missing, a folder, or its build retired meanwhile
            made = index if path.endswith("/") else relative
            try:
                if made not in on_request:
                    return Answer(HTTPStatus.NOT_FOUND, b"Not found")
                content = on_request[made]
            except PageError as error:
                _say(error.problem)
                return Answer(
                    HTTPStatus.SERVICE_UNAVAILABLE, self._live(problems_page(error.problem), shown.epoch), _HTML
                )
        if file.suffix == ".html":
            return Answer(HTTPStatus.OK, self._live(content, shown.epoch), _HTML)
        return Answer(HTTPStatus.OK, content, _content_type(file.name))

    def _live(self, html: bytes, epoch: int) -> bytes:
        """``html`` with the live-reload script at the end of its body."""
        end = html.rfind(b"</body>")
        end = len(html) if end < 0 else end
        script = (LIVE_RELOAD % (epoch, next(self.pages))).encode()
        return html[:end] + b"<script>" + script + b"</script>" + html[end:]

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that went away is no error of the preview: one line for the curious, never a traceback."""
        log.debug("A connection from %s ended early", client_address)


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    server: PreviewServer
    #: A client that sends nothing, or reads nothing, is let go: it holds no thread for ever.
    timeout = IDLE_SECONDS
    #: A request line that is not HTTP is answered in HTTP, with a status line.
    default_request_version = "HTTP/1.0"
    # Headers and body go out in separate writes: without this, Nagle's algorithm holds every answer back.
    disable_nagle_algorithm = True
    server_version = "help-preview"
    sys_version = ""

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, *, send_body: bool) -> None:
        try:
            path = request_path(self.path)
        except ValueError as error:
            self.send_error(HTTPStatus.BAD_REQUEST, explain=str(error))
            return
        try:
            polled = POLL_ADDRESS.fullmatch(path)
            if polled:
                self._greet(int(polled[2]))
                epoch = self.server.wait_for_change(int(polled[1]))
                answer = Answer(HTTPStatus.OK, b"%d" % epoch)
            else:
                answer = self.server.answer(path)
        except Exception as error:  # the preview keeps serving, and says what went wrong in one line
            log.error("Cannot answer %s: %s: %s", self.path, type(error).__name__, error)
            self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR)
            return
        self.send_response(answer.status)
        if answer.location is not None:
            self.send_header("Location", answer.location)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.content)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if send_body:
            self.wfile.write(answer.content)

    def _greet(self, page: int) -> None:
        """Say once per page that a browser follows the preview."""
        if page in self.server.connected:
            return
        if len(self.server.connected) >= KNOWN_PAGES:
            self.server.connected.clear()
        self.server.connected.add(page)
        log.info("Browser connected: %s", self.headers.get("Referer", "a page"))

    def log_message(self, format: str, *args: object) -> None:
        log.debug(format, *args)


_HTML = "text/html; charset=utf-8"


def request_path(target: str) -> str:
    """The decoded path of a request's target; ``ValueError`` saying why if it is not one a browser sends."""
    if not target.isascii() or not target.isprintable():
        raise ValueError("the address has characters that must be percent-encoded")
    if not target.startswith("/"):
        raise ValueError("the address must start with /")
    raw = target.partition("?")[0].partition("#")[0]
    if re.search(r"%(?![0-9A-Fa-f]{2})", raw):
        raise ValueError("the address has a % that starts no percent-encoding")
    try:
        path = urllib.parse.unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("the address is not UTF-8 once percent-decoded") from None
    if not path.isprintable():
        raise ValueError("the address has a control character once percent-decoded")
    return path


def _content_type(name: str) -> str:
    if name.endswith(".gz"):
        return "application/gzip"
    if name.endswith((".js", ".mjs")):
        return "text/javascript; charset=utf-8"
    guess, _ = mimetypes.guess_type(name)
    if guess is None:
        return "application/octet-stream"
    return f"{guess}; charset=utf-8" if guess.startswith("text/") or guess.endswith(("json", "xml")) else guess


def _say(problem: str | list[Diagnostic]) -> None:
    """Say ``problem`` in the terminal too."""
    if problem:
        log.error("%s", problem if isinstance(problem, str) else ContentError(problem))


def _milliseconds() -> int:
    """Now, in milliseconds: a page left open from an earlier preview shows an older epoch, and reloads."""
    return time.time_ns() // 1_000_000
