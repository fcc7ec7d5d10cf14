"""How the preview stops: on SIGTERM, SIGHUP or Ctrl-C, at once, whatever it is doing, and only once."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable

#: The signals that stop the preview.
STOPPING = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


def stop_on_termination() -> Callable[[], None]:
    """Stop on SIGTERM, SIGHUP and Ctrl-C (KeyboardInterrupt, so that clean-up runs); return what undoes it.

    Only the first signal interrupts: the ones after it (a process manager
    that sends again, Ctrl-C pressed twice) would cut the clean-up in half
    and leave a thread serving, so they are let go. Once a signal has stopped
    the preview, the process is ending: the handlers stay, and still let go
    whatever signal comes late.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    received: list[int] = []

    def interrupt(signum: int, frame: object) -> None:
        if not received:
            received.append(signum)
            raise KeyboardInterrupt

    previous = {number: signal.signal(number, interrupt) for number in STOPPING}

    def restore() -> None:
        if not received:
            for number, handler in previous.items():
                signal.signal(number, handler)

    return restore


def wait_for_ever(event: threading.Event) -> None:
    """Wait until ``event`` is set; a signal still interrupts the wait (KeyboardInterrupt)."""
    while not event.wait(timeout=1.0):
        pass
