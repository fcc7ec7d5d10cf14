"""Benchmark: how long a policy edit takes to reach the preview.

    .venv/bin/python benchmarks/preview.py [--edits 5] [--json]

Starts ``python -m generator serve`` on a copy of the project, then edits
``content/policy.yaml`` (the finder's title) several times; each time, it
measures from the moment the file is written to the moment the preview serves
the finder page with the new words (polled every 5 ms). It also starts stock
``mkdocs serve`` on the same copy and measures it the same way, for the ratio.
Then it breaks the policy (an unknown outcome) and measures until the preview
serves the page of problems that names it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
#: The text edited in content/policy.yaml, and the page that shows it.
TITLE = "title: Find out how to get your device back"
PAGE = "en-us/finder/"
#: The outcome a broken edit misspells: the preview then serves the problem instead of the page.
BROKEN = "outcome: contact-support"
#: Give up on a server or an edit after this long.
TIMEOUT = 60.0


def copy_project(folder: Path) -> Path:
    for name in ["content", "overrides", "docs"]:
        shutil.copytree(ROOT / name, folder / name)
    shutil.copyfile(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


@contextmanager
def running(command: list[str], project: Path, env: dict[str, str]) -> Iterator[str]:
    """Start a preview server; yield its address once it serves, and stop it."""
    process = subprocess.Popen(
        command, cwd=project, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + TIMEOUT
        for line in process.stdout:
            served = re.search(r"Serving (?:\S+ )?on (http://\S+?/)(?:en-us/)?$", line.strip())
            if served:
                yield served[1]
                return
            if time.monotonic() > deadline:
                break
        raise RuntimeError(f"{command[2] if len(command) > 2 else command[0]} did not start")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # the page of problems comes with 503
        return error.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def edit_latencies(project: Path, address: str, edits: int, *, broken: bool = False) -> list[float]:
    """Edit the policy ``edits`` times; return the seconds until each edit is served.

    An edit renames the finder's title; with ``broken``, it names an outcome
    that does not exist, and is served when the page shows that problem.
    """
    policy = project / "content" / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert TITLE in text, "the finder's title changed: update benchmarks/preview.py"
    assert BROKEN in text, "the outcome the benchmark breaks changed: update benchmarks/preview.py"
    times = []
    for edit in range(edits):
        time.sleep(0.5)  # let the previous rebuild settle: each edit is timed on its own
        words = f"edited-{edit}-{time.monotonic_ns()}"
        changed = text.replace(BROKEN, f"outcome: {words}", 1) if broken else text.replace(TITLE, f"title: {words}")
        start = time.perf_counter()
        policy.write_text(changed, encoding="utf-8")
        deadline = start + TIMEOUT
        while words not in fetch(address + PAGE):
            if time.perf_counter() > deadline:
                raise RuntimeError("an edit did not reach the preview within a minute")
            time.sleep(0.005)
        times.append(time.perf_counter() - start)
    policy.write_text(text, encoding="utf-8")
    return times


def measure(edits: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder))
        ours = [PYTHON, "-m", "generator", "serve", "--dev-addr", "127.0.0.1:0"]
        with running(ours, project, {"NO_MKDOCS_2_WARNING": "1"}) as address:
            fast = edit_latencies(project, address, edits)
            problems = edit_latencies(project, address, edits, broken=True)
        port = _free_port()
        stock = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
        env = {
            "NO_MKDOCS_2_WARNING": "1",
            "HELP_SITE_URL": f"http://127.0.0.1:{port}/en-us/",
            "HELP_BASE_URL": f"http://127.0.0.1:{port}/",
        }
        with running(stock, project, env) as address:
            slow = edit_latencies(project, address, edits)
    median, stock_median = statistics.median(fast), statistics.median(slow)
    return {
        "edits": edits,
        "ours_median_s": round(median, 3),
        "ours_s": [round(t, 3) for t in fast],
        "mkdocs_serve_median_s": round(stock_median, 3),
        "mkdocs_serve_s": [round(t, 3) for t in slow],
        "ratio": round(median / stock_median, 2),
        "broken_edit_to_problems_page_median_s": round(statistics.median(problems), 3),
        "broken_edit_to_problems_page_s": [round(t, 3) for t in problems],
    }


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.edits)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"policy edit → preview, median of {args.edits}: {result['ours_median_s']:.3f} s {result['ours_s']}")
    print(f"the same with mkdocs serve:           {result['mkdocs_serve_median_s']:.3f} s {result['mkdocs_serve_s']}")
    print(f"ratio: {result['ratio']:.2f}")
    median, each = result["broken_edit_to_problems_page_median_s"], result["broken_edit_to_problems_page_s"]
    print(f"broken edit → its problem served, median of {args.edits}: {median:.3f} s {each}")


if __name__ == "__main__":
    main()
