"""The preview's rebuilds, in a thread of their own, told of each change by the kernel.

MkDocs polls the watched folders every half second and rebuilds on any event
under them; here the kernel (inotify) says at once that a file changed, files
a build merely reads are ignored (the kernel reports those too), and a build
starts 50 ms after the last change (an editor saving in several writes), or
5 ms after a file written was closed, which ends a save in place.
The builds run in one thread, one after the other, while the server answers
with what was built before: a slow proof never holds a page back.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable

import watchdog.events
import watchdog.observers

log = logging.getLogger("generator.preview")

#: The events that change a file (``closed``: closed after writing); the kernel also reports a file opened or
#: closed after reading.
CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})
#: How long to wait after a change for more changes (an editor saving in several writes).
SETTLE_SECONDS = 0.05
#: The event that ends a save in place: a file written, then closed; what else comes with it comes within this
#: much. (A file moved may end a save, or start one: an editor moving the file away to write a new one.)
SAVED = frozenset({"closed"})
SAVED_SETTLE_SECONDS = 0.005
#: Changes that never stop (a program writing in a loop) delay a build by this much at most.
MOST_SETTLING_SECONDS = 1.0


class Rebuilds:
    """Runs ``build`` once at the start, then after each change below the watched folders, until stopped."""

    def __init__(self, build: Callable[[], None], watched: list[str]) -> None:
        self.build = build
        self.changed = threading.Condition()
        self.wanted = True  # the first build
        self.settle = SETTLE_SECONDS  # how long to wait for more changes after the last one
        self.stopping = False
        #: Set once the first build is done, whether it succeeded or not.
        self.first_done = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="preview-builds", daemon=True)
        self.observer = watchdog.observers.Observer()
        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = self._event  # type: ignore[method-assign]
        for path in dict.fromkeys(os.path.abspath(path) for path in watched):
            if os.path.exists(path):
                self.observer.schedule(handler, path, recursive=True)

    def start(self) -> None:
        self.observer.start()
        self.thread.start()

    def stop(self, wait: float) -> None:
        """Build no more; wait up to ``wait`` seconds for a build under way (it cannot be interrupted)."""
        with self.changed:
            self.stopping = True
            self.changed.notify_all()
        self.observer.stop()
        deadline = time.monotonic() + wait
        self.observer.join(timeout=wait)
        self.thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def _event(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        with self.changed:
            self.wanted = True
            self.settle = settle_after(event.event_type)
            self.changed.notify_all()

    def _loop(self) -> None:
        while True:
            with self.changed:
                self.changed.wait_for(lambda: self.wanted or self.stopping)
                if self.first_done.is_set():  # later changes: let the editor finish saving
                    budget = time.monotonic() + MOST_SETTLING_SECONDS
                    while not self.stopping and time.monotonic() < budget and self.changed.wait(self.settle):
                        pass
                if self.stopping:
                    return
                self.wanted = False
            try:
                self.build()
            except (Exception, SystemExit) as error:  # one the builder did not foresee: the next edit builds again
                log.error("The rebuild failed: %s: %s", type(error).__name__, error)
            self.first_done.set()


def settle_after(event_type: str) -> float:
    """How long to wait for more changes after an event of ``event_type``: little once a save has ended.

    >>> settle_after("closed") < settle_after("modified") == settle_after("created") == SETTLE_SECONDS
    True
    """
    return SAVED_SETTLE_SECONDS if event_type in SAVED else SETTLE_SECONDS
