"""Run the command line: ``python -m generator``."""

import os
import sys

from generator.cli import main


def run() -> int:
    """Run a command; a reader that goes away (``| head``) or Ctrl-C ends it quietly, never with a traceback."""
    try:
        try:
            status = main()
        except SystemExit as done:  # argparse, after --help or a wrong argument
            status = done.code if isinstance(done.code, int) else 0 if done.code is None else 2
        sys.stdout.flush()  # a closed pipe is found here, not at exit where it could not be caught
    except BrokenPipeError:
        # Whatever else is printed goes nowhere, as with any Unix tool whose reader has gone.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a tool stopped by a closed pipe
    except KeyboardInterrupt:
        return 130  # 128 + SIGINT
    return status


if __name__ == "__main__":
    sys.exit(run())
