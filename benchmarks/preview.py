"""Benchmark: how long a policy edit takes to reach the preview.

    .venv/bin/python benchmarks/preview.py [--edits 5] [--json] [--only real|big|help-center]

Starts ``python -m generator serve`` on a copy of the project, then edits
``content/policy.yaml`` (the finder's title) several times; each time, it
measures from the moment the file is written to the moment the preview serves
the finder page with the new words (polled every 5 ms). It also starts stock
``mkdocs serve`` on the same copy and measures it the same way, for the ratio.
Then it breaks the policy (an unknown outcome) and measures until the preview
serves the page of problems that names it.

Then the same on a generated policy of ``BIG`` (12 questions × 4 answers ×
500 scenarios: thousands of finder pages, made by :mod:`policies`): an edit of
an outcome's title, until a deep finder result that shows it is served (a page
the preview makes when asked), and until the article shows it (a page its
build writes). The reference is what each edit cost the preview
before it made pages on request, measured in the same run: proving the edited
content and building every page of the locale (``mkdocs build`` through our
plugin, templates already compiled), without the wait for the file watcher.

Last, a help center whose other policies are large: ``OTHERS`` policies of
``BIG`` size and one of ``SMALL`` size, the one edited; the time until its
deep result page shows the edit, against the same edit of the same policy
alone in its help center. The ratio says how much the size of the other
policies costs an edit (1: nothing).
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
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
#: The generated policy of the second measure: (questions, answers per question, scenarios).
BIG = (12, 4, 500)
#: The outcome title the second measure edits, and the outcome whose result page shows it.
BIG_TITLE, BIG_OUTCOME = "title: You send the refurbisher a prepaid return label", "prepaid-label"
#: The text edited in content/policy.yaml, and the page that shows it.
TITLE = "title: Find out how to get your device back"
PAGE = "en-us/finder/"
#: The outcome a broken edit misspells: the preview then serves the problem instead of the page.
BROKEN = "outcome: contact-support"
#: Give up on a server or an edit after this long.
TIMEOUT = 60.0
#: The help center of the last measure: this many policies of ``BIG`` size, then one of ``SMALL`` size, edited.
OTHERS, SMALL = 3, (6, 4, 60)


def copy_project(folder: Path, *, content: bool = True) -> Path:
    for name in ["content", "overrides", "docs"] if content else ["overrides", "docs"]:
        shutil.copytree(ROOT / name, folder / name)
    shutil.copyfile(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


@contextmanager
def running(command: list[str], project: Path, env: dict[str, str]) -> Iterator[tuple[str, int]]:
    """Start a preview server; yield its address and process id once it serves, and stop it."""
    process = subprocess.Popen(
        command, cwd=project, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + TIMEOUT
        for line in process.stdout:
            served = re.search(r"Serving (?:\S+ )?on (http://\S+?/)(?:en-us/)?$", line.strip())
            if served:
                yield served[1], process.pid
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


def big_project(folder: Path) -> tuple[Path, int]:
    """A copy of the project whose content is the generated ``BIG`` policy; return it and its finder's pages."""
    import policies

    from generator.helpcenter.folder import load_content

    project = copy_project(folder, content=False)
    policies.write_content(project / "content", policies.generate(*BIG, seed=0))
    return project, len(load_content(project / "content").proof.nodes)


def processor_seconds(pid: int) -> float:
    """The processor time (user and system) the process ``pid`` has used so far, from ``/proc``."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def big_latencies(
    project: Path, address: str, edits: int, pid: int, policy: str = "policy.yaml", pages: tuple[str, ...] = ()
) -> dict[str, list[float]]:
    """Edit an outcome's title ``edits`` times; return the seconds until a deep result, then the article, show it.

    Also the processor time the preview's process took for each edit, until
    the result page showed it (``"result-processor"``): what the wall time
    would be on an idle machine, whatever else runs on this one. ``policy``:
    the file of the policy edited, below the content folder; ``pages``: the
    pages to wait for (both by default).
    """
    address += "en-us/"
    path = project / "content" / policy
    text = path.read_text(encoding="utf-8")
    assert BIG_TITLE in text, "the outcome title changed: update benchmarks/preview.py"
    folder = _finder_folder(path)
    finder = json.loads(fetch(f"{address}{folder}.json"))
    deep = max((node for node in finder["nodes"] if node.get("outcome") == BIG_OUTCOME), key=lambda n: len(n["id"]))
    locale_url = finder["url"].removesuffix(f"{folder}/")
    result = deep["url"].removeprefix(locale_url)
    article = next(o for o in finder["outcomes"] if o["id"] == BIG_OUTCOME)["url"].removeprefix(locale_url)
    shown = {"result": result, "article": article.partition("#")[0]}
    shown = {page: shown[page] for page in pages or shown}
    times: dict[str, list[float]] = {page: [] for page in [*shown, "result-processor"]}
    for edit in range(edits):
        for page, url in shown.items():
            time.sleep(0.5)  # let the previous rebuild settle
            words = f"edited-{page}-{edit}-{time.monotonic_ns()}"
            start, processor = time.perf_counter(), processor_seconds(pid)
            path.write_text(text.replace(BIG_TITLE, f"title: {words}"), encoding="utf-8")
            times[page].append(_served(address + url, words, start))
            if page == "result":
                times["result-processor"].append(processor_seconds(pid) - processor)
    path.write_text(text, encoding="utf-8")
    return times


def _finder_folder(policy: Path) -> str:
    """The folder of the finder of the policy in the file ``policy``, below the locale's."""
    import yaml

    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    return str(data["finder"].get("id") or f"{data['article']['id']}/finder")


def help_center_project(folder: Path) -> tuple[Path, str, list[int]]:
    """A copy of the project whose content is ``OTHERS`` policies of ``BIG`` size and one of ``SMALL`` size; return
    it, the file of the small policy (below the content folder) and the pages of each policy's finder."""
    import policies

    from generator.helpcenter.folder import load_content

    project = copy_project(folder, content=False)
    files = policies.help_center_of([(*BIG, 0)] * OTHERS + [(*SMALL, 0)])
    policies.write_help_center(project / "content", files)
    pages = [len(checked.proof.nodes) for checked in load_content(project / "content").policies]
    return project, list(files)[-1], pages


def measure_help_center(edits: int) -> dict[str, object]:
    """An edit of the small policy of a help center whose other policies are large, against the same alone."""
    import policies

    ours = [PYTHON, "-m", "generator", "serve", "--dev-addr", "127.0.0.1:0"]
    with tempfile.TemporaryDirectory() as folder:
        project, small, pages = help_center_project(Path(folder))
        with running(ours, project, {"NO_MKDOCS_2_WARNING": "1"}) as (address, pid):
            among = big_latencies(project, address, edits, pid, small, ("result",))
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder), content=False)
        policies.write_content(project / "content", policies.generate(*SMALL, seed=0))
        with running(ours, project, {"NO_MKDOCS_2_WARNING": "1"}) as (address, pid):
            alone = big_latencies(project, address, edits, pid, "policy.yaml", ("result",))
    median = {name: statistics.median(times["result"]) for name, times in [("among", among), ("alone", alone)]}
    return {
        "policies": f"{OTHERS} × {'x'.join(map(str, BIG))} + 1 × {'x'.join(map(str, SMALL))}",
        "finder_pages": pages,
        "edit_to_result_page_median_s": round(median["among"], 3),
        "edit_to_result_page_s": [round(t, 3) for t in among["result"]],
        "edit_to_result_page_processor_median_s": round(statistics.median(among["result-processor"]), 3),
        "edit_to_result_page_processor_s": [round(t, 3) for t in among["result-processor"]],
        "alone_median_s": round(median["alone"], 3),
        "alone_s": [round(t, 3) for t in alone["result"]],
        "alone_processor_median_s": round(statistics.median(alone["result-processor"]), 3),
        "alone_processor_s": [round(t, 3) for t in alone["result-processor"]],
        "ratio": round(median["among"] / median["alone"], 3),
    }


def full_rebuilds(project: Path, edits: int) -> list[float]:
    """What each edit cost before pages were made on request: prove the edited content, build every page."""
    import logging

    from mkdocs.commands.build import build

    from generator.helpcenter.proven import proven_content
    from generator.mkdocs.config import locale_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    policy = project / "content" / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    times = []
    with tempfile.TemporaryDirectory() as site:
        for edit in range(edits + 1):  # the first compiles the theme's templates, as a preview's first build does
            policy.write_text(text.replace(BIG_TITLE, f"title: edited-{edit}-{time.monotonic_ns()}"), encoding="utf-8")
            start = time.perf_counter()
            config = locale_config(project / "mkdocs.yml", site, "en-US", "http://127.0.0.1:8000/")
            proven_content(project / "content")
            build(config)
            times.append(time.perf_counter() - start)
    policy.write_text(text, encoding="utf-8")
    return times[1:]


def measure_big(edits: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        project, pages = big_project(Path(folder))
        ours = [PYTHON, "-m", "generator", "serve", "--dev-addr", "127.0.0.1:0"]
        with running(ours, project, {"NO_MKDOCS_2_WARNING": "1"}) as (address, pid):
            served = big_latencies(project, address, edits, pid)
        full = full_rebuilds(project, edits)
    result, article, reference = (statistics.median(times) for times in (served["result"], served["article"], full))
    return {
        "size": "x".join(map(str, BIG)),
        "finder_pages": pages,
        "edit_to_result_page_median_s": round(result, 3),
        "edit_to_result_page_s": [round(t, 3) for t in served["result"]],
        "edit_to_result_page_processor_median_s": round(statistics.median(served["result-processor"]), 3),
        "edit_to_result_page_processor_s": [round(t, 3) for t in served["result-processor"]],
        "edit_to_article_median_s": round(article, 3),
        "edit_to_article_s": [round(t, 3) for t in served["article"]],
        "full_rebuild_median_s": round(reference, 3),
        "full_rebuild_s": [round(t, 3) for t in full],
        "ratio": round(result / reference, 3),
    }


def _served(url: str, words: str, start: float) -> float:
    """Poll ``url`` until it shows ``words``; return the seconds since ``start``."""
    deadline = start + TIMEOUT
    while words not in fetch(url):
        if time.perf_counter() > deadline:
            raise RuntimeError("an edit did not reach the preview within a minute")
        time.sleep(0.005)
    return time.perf_counter() - start


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
        with running(ours, project, {"NO_MKDOCS_2_WARNING": "1"}) as (address, _):
            fast = edit_latencies(project, address, edits)
            problems = edit_latencies(project, address, edits, broken=True)
        port = _free_port()
        stock = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
        env = {
            "NO_MKDOCS_2_WARNING": "1",
            "HELP_SITE_URL": f"http://127.0.0.1:{port}/en-us/",
            "HELP_BASE_URL": f"http://127.0.0.1:{port}/",
        }
        with running(stock, project, env) as (address, _):
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
    parser.add_argument("--only", choices=["real", "big", "help-center"])
    args = parser.parse_args()
    result = measure(args.edits) if args.only in (None, "real") else {}
    big = measure_big(args.edits) if args.only in (None, "big") else {}
    center = measure_help_center(args.edits) if args.only in (None, "help-center") else {}
    if args.json:
        print(json.dumps({**result, "big": big, "help_center": center}, indent=2))
        return
    if center:
        print(f"help center of {center['policies']} policies, {center['finder_pages']} finder pages; the small one")
        print(f"edited, median of {args.edits} edits:")
        for what, key in [
            ("edit → deep result page served", "edit_to_result_page"),
            ("its processor time (the server)", "edit_to_result_page_processor"),
            ("the same policy alone", "alone"),
            ("its processor time (the server)", "alone_processor"),
        ]:
            print(f"  {what + ':':32} {center[key + '_median_s']:.3f} s {center[key + '_s']}")
        print(f"  ratio: {center['ratio']:.3f}")
    if big:
        print(f"{big['size']} policy, {big['finder_pages']} finder pages, median of {args.edits} edits:")
        for what, key in [
            ("edit → deep result page served", "edit_to_result_page"),
            ("its processor time (the server)", "edit_to_result_page_processor"),
            ("edit → article served", "edit_to_article"),
            ("full rebuild, as before", "full_rebuild"),
        ]:
            print(f"  {what + ':':32} {big[key + '_median_s']:.3f} s {big[key + '_s']}")
        print(f"  ratio: {big['ratio']:.3f}")
    if not result:
        return
    print(f"policy edit → preview, median of {args.edits}: {result['ours_median_s']:.3f} s {result['ours_s']}")
    print(f"the same with mkdocs serve:           {result['mkdocs_serve_median_s']:.3f} s {result['mkdocs_serve_s']}")
    print(f"ratio: {result['ratio']:.2f}")
    median, each = result["broken_edit_to_problems_page_median_s"], result["broken_edit_to_problems_page_s"]
    print(f"broken edit → its problem served, median of {args.edits}: {median:.3f} s {each}")


if __name__ == "__main__":
    main()
