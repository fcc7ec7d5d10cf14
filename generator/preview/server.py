"""MkDocs glue: MkDocs' live-reload server, told of changes at once.

MkDocs polls the watched folders every half second and rebuilds on any event
under them; this server is told of a change by the kernel (inotify), waits
50 ms rather than 100 for an editor to finish saving, and ignores files that
a build merely reads (the kernel reports those too). Port 0 picks a free port.
While the content is broken, every page answers with the list of problems.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
from typing import Any

import watchdog.events
import watchdog.observers
from mkdocs.livereload import LiveReloadServer

from generator.content.diagnostics import ContentError, Diagnostic
from generator.rendering.problems_page import problems_page

log = logging.getLogger("mkdocs.commands.serve")

#: The events that change a file; the kernel also reports a file opened or closed after reading.
CHANGES = frozenset({"created", "modified", "deleted", "moved"})
#: How long to wait after a change for more changes (an editor saving in several writes).
SETTLE_SECONDS = 0.05


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, told of changes by the kernel; port 0 picks a free port."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.build_delay = SETTLE_SECONDS
        self.observer = watchdog.observers.Observer()

    _bound = False
    #: While the content is broken, the page every address answers with (the live reload brings the site back).
    problems_page: bytes | None = None

    def show_problems(self, problem: str | list[Diagnostic]) -> None:
        """Answer every page with ``problem`` until :meth:`show_site`; say it in the terminal too."""
        self.problems_page = problems_page(problem or "The build failed: the terminal says why")
        if problem:
            log.error("%s", problem if isinstance(problem, str) else ContentError(problem))
        log.error("The browser shows the problems until they are fixed: fix them and save again")

    def show_site(self) -> None:
        self.problems_page = None

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ["PATH_INFO"]
        if path.startswith("/livereload/") or not (path.endswith("/") or path.endswith(".html")):
            return super()._serve_request(environ, start_response)
        with self._epoch_cond:  # as MkDocs does: a page waits for a build under way, then reads what it left
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
            page, epoch = self.problems_page, self._visible_epoch
        if page is None:
            return super()._serve_request(environ, start_response)
        content = self._inject_js_into_html(page, epoch)
        headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))]
        start_response("503 Service Unavailable", [*headers, ("Cache-Control", "no-store")])
        return [content]

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """Rebuild when a file below ``path`` is written, created, deleted or moved (not when it is read)."""
        path = os.path.abspath(path)
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1

        def changed(event: watchdog.events.FileSystemEvent) -> None:
            if event.is_directory or event.event_type not in CHANGES:
                return
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = changed  # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def server_bind(self) -> None:
        # Bound before the first build, which needs the address; `serve()` asks again.
        if self._bound:
            return
        super().server_bind()
        self._bound = True
        host, port = self.server_address[:2]
        self.url = f"http://{host}:{port}{self.mount_path}"


def stop_on_termination() -> Callable[[], None]:
    """Stop on SIGTERM and SIGHUP as on Ctrl-C (so that clean-up runs); return what puts the old handlers back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = {number: signal.signal(number, interrupt) for number in (signal.SIGTERM, signal.SIGHUP)}

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)

    return restore
