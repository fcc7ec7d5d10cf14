"""Worker processes that end with the process that started them, even when it is killed.

A build renders its locales in worker processes. Killed (SIGKILL, the OOM
killer, a closed terminal), it used to leave them running, writing into a
folder no one would publish; now a worker ends as soon as its parent does.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from multiprocessing import parent_process
from multiprocessing.connection import wait

_PR_SET_PDEATHSIG = 1


def die_with(parent: int) -> None:
    """End this process as soon as ``parent`` (its parent) ends; call it first thing in a worker.

    On Linux the kernel kills it (``PR_SET_PDEATHSIG``), whatever it is doing;
    anywhere, a thread also waits for the end of the pipe that multiprocessing
    keeps to the parent, and ends the process then.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)
    watched = parent_process()
    if watched is not None and watched.sentinel is not None:
        threading.Thread(target=_exit_when_ended, args=(watched.sentinel,), daemon=True).start()


def _exit_when_ended(sentinel: int) -> None:
    wait([sentinel])
    os._exit(1)
