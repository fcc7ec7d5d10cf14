"""Benchmarks: the proof against brute force, the build against stock MkDocs + Material, as ratios.

    .venv/bin/python benchmarks/bench.py [--rounds 3] [--json]

Every figure is the best of ``--rounds`` runs, and each comparison is measured
in the same run, back to back: the machine is shared and noisy, so the ratios,
not the seconds, are what to compare between changes. The policies are
generated (:mod:`policies`, seed 0) at sizes the real one may grow to.

1. Proof: ``python -m generator check`` on the real content and on generated
   policies (the whole command: its time and peak memory); the proof alone,
   against the previous proof, which enumerated every combination
   (:mod:`brute_force`), each in its own process; and how fast a gap or an
   overlap is reported.
2. Build: ``python -m generator build`` of a generated policy against stock
   MkDocs + Material building as many plain Markdown pages, locale by locale;
   and what building the locales in parallel gains over one at a time.
3. The generator's share of one locale's build, and the cost per page.
4. Preview: from saving an edit of the policy to the new page being served,
   ``python -m generator serve`` against stock ``mkdocs serve`` (:mod:`preview`);
   and on a generated 12 × 4 × 500 policy (thousands of finder pages), against
   what each edit cost before pages were made on request (proving and
   building every page of the locale); and on a help center of three such
   policies and a small one, edited, against the small one alone (the size
   of the other policies should cost nothing). ``--only preview`` runs this
   part alone.
5. Adversarial policies: ``python -m generator check`` on the small policies
   that once held it for minutes (``tests/adversarial.py``: tangled, thousands
   of catch-alls, a text repeated through aliases, a finder past its size,
   a text full of link starts), against the check of the toy policy, each
   within :data:`CHECK_LIMIT` seconds. ``--only adversarial`` runs this part
   alone (about a minute).
6. Help center: a generated help center of :data:`HELP_CENTER` policies
   (:func:`policies.help_center`): ``check`` of the whole of it, ``check`` of
   one policy file as an editor runs it while editing, and all its locales
   built against stock MkDocs + Material building as many plain pages, each
   against its target of issue 14 (:data:`TARGETS`). These rows give the
   median of ``--rounds`` runs, the best, and the processor time (user and
   system, children included), which a busy machine inflates far less than
   the wall time; the report's first line gives the machine's load. The
   build is compared per page, wall and processor time, both sites building
   as many languages at a time as there are cores, with the peak memory of
   the largest process; a build longer than :data:`LONG_BUILD` (the 20
   policies' ~68,000 pages take minutes) runs once, and says so in its row.
   The generator's bytecode is compiled first, as an editor's first run writes it
   (:func:`compiled_beforehand`). ``--only help-center`` runs this part alone; ``--only help-center-check``
   runs its two ``check`` rows alone, without the long build (seconds).

7. Language variants: the real content with a Belgian market and fr-BE
   inheriting from fr-FR (its catalog empty), against fr-BE as a full copy
   of fr-FR's catalog (``i18n add fr-BE --from fr-FR``): ``check``, ``i18n
   status`` and the build of fr-BE alone. Inheriting should cost next to
   nothing. ``--only variants`` runs this part alone.

A step that fails says so in its row and the run goes on. The run takes a
few minutes (one brute-force proof is given its whole minute); progress goes
to stderr, the report to stdout.
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import policies
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the adversarial policies are the tests' own
import adversarial  # noqa: E402

#: The policies the proof is timed on: (questions, answers per question, scenarios).
SIZES = ((5, 4, 40), (8, 4, 200), (12, 4, 500), (30, 4, 2000))
#: The policy the build is timed on, and the one whose gap and overlap are timed.
BUILD_SIZE = (5, 4, 40)
BROKEN_SIZE = (8, 4, 200)
#: The most scenario pairs the diff's reference intersects one by one (the largest policy has 4,000,000).
MAX_DIFF_PAIRS = 300_000
#: Brute force past this many combinations is not even started.
BRUTE_FORCE_LIMIT = 10**9
#: The longest a brute-force proof may run, and the time its rounds may take together.
BRUTE_FORCE_TIMEOUT = 60.0
#: The stock build's languages, one per published locale (Material's interface languages).
STOCK_LANGUAGES = ("en", "fr", "de", "es", "it")
#: What the stock site lists in its navigation, like ours lists the home page, the article and the finder.
LISTED_PAGES = 3
SOURCE_LOCALE = "en-US"
#: The longest ``check`` may take on any policy within the size limits, on this machine (issue 13).
CHECK_LIMIT = 5.0
#: The generated help center: how many policies, and each one's (questions, answers per question, scenarios).
HELP_CENTER = (20, (6, 4, 60))
#: The policy file whose check is timed as an editor runs it while editing that policy.
EDITED_POLICY = "policies/policy-07.yaml"
#: A help-center build that takes longer than this is measured once, whatever ``--rounds`` says: one build
#: of the 20-policy help center takes minutes, which smooths out the noise that rounds are for.
LONG_BUILD = 60.0
#: How often a long step says on stderr that it still runs (seconds).
PROGRESS_EVERY = 30.0
#: Issue 14's targets: seconds for the checks and the preview, ours / stock per page for the build.
TARGETS = {"check": 2.0, "one file": 0.3, "build": 1.0, "preview": 0.5}


@dataclass
class Row:
    """One line of the report: ours against a reference, and how the two compare."""

    what: str
    ours: float | None = None
    reference: float | None = None
    #: ``ours / reference`` unless ``ratio_of`` says otherwise.
    ratio: float | None = None
    ratio_of: str = "ours / reference"
    unit: str = "s"
    notes: str = ""
    #: Shown instead of a number that could not be measured (and why).
    ours_text: str = ""
    reference_text: str = ""


@dataclass
class Run:
    """A finished child process: how long it took, its peak memory, and what it printed."""

    seconds: float
    peak_mb: float
    returncode: int
    output: str
    timed_out: bool = False
    #: The processor time it took (user and system): on a shared, busy machine, what the wall time would be
    #: on an idle one.
    cpu_seconds: float = 0.0


def progress(message: str) -> None:
    """Say on stderr what runs now: a whole run takes minutes."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def child_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


#: Runs one command and reports its wall time and peak memory. It runs in a small process of its own: a
#: child inherits the memory high-water mark of the process it is forked from (Linux keeps it across exec),
#: so started from this script, which holds generated policies and in-process builds, every child would
#: report this script's peak instead of its own.
LAUNCHER = """
import json, os, subprocess, sys, threading, time
output, timeout, command = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
killed = threading.Event()
with open(output, "wb") as out:
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    timer = threading.Timer(timeout, lambda: (killed.set(), child.kill()))
    if timeout:
        timer.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    timer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps([seconds, usage.ru_maxrss, child.returncode, killed.is_set(), cpu]))
"""


def run_timed(command: list[str], cwd: Path, timeout: float | None = None, label: str = "") -> Run:
    """Run ``command`` and return its wall time and peak memory (its own ``ru_maxrss``, via ``os.wait4``).

    The timing happens in :data:`LAUNCHER`, around the child alone; output goes
    to a file, not a pipe, so a talkative child never blocks. With a ``label``,
    a long run says every :data:`PROGRESS_EVERY` seconds on stderr that it still
    runs, with the last line the child printed.
    """
    with tempfile.NamedTemporaryFile(suffix=".log") as output:
        launcher = [sys.executable, "-S", "-c", LAUNCHER, output.name, str(timeout or 0), *command]
        with subprocess.Popen(
            launcher, cwd=cwd, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        ) as started:
            start = time.perf_counter()
            while True:
                try:
                    said, complaint = started.communicate(timeout=PROGRESS_EVERY if label else None)
                    break
                except subprocess.TimeoutExpired:
                    said = Path(output.name).read_text(encoding="utf-8", errors="replace")
                    lines = [line for line in said.splitlines() if line.strip()]
                    last = f"; {first_line(lines[-1])}" if lines else ""
                    progress(f"{label}: {time.perf_counter() - start:.0f} s{last}")
        if started.returncode:
            reason = (complaint.strip().splitlines() or ["no reason given"])[-1]  # the exception, not its trace
            raise RuntimeError(f"could not run {' '.join(command[:4])}: {reason}")
        seconds, peak_kb, returncode, timed_out, cpu = json.loads(said)
        text = Path(output.name).read_text(encoding="utf-8", errors="replace")
    return Run(seconds, peak_kb / 1024, returncode, text, timed_out, cpu)


def best_run(command: list[str], cwd: Path, rounds: int) -> Run:
    """Run ``command`` ``rounds`` times; return the fastest run, with the highest peak memory seen."""
    runs = [run_timed(command, cwd) for _ in range(rounds)]
    fastest = min(runs, key=lambda run: run.seconds)
    fastest.peak_mb = max(run.peak_mb for run in runs)
    return fastest


def best_time(function: Callable[[], Any], rounds: int) -> float:
    """Call ``function`` ``rounds`` times in this process; return the best wall time."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def first_line(text: str, width: int = 100) -> str:
    """What a command printed, cut short: the table has one line per row."""
    line = next((line for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= width else line[: width - 1] + "…"


def size_name(size: tuple[int, int, int]) -> str:
    return "×".join(map(str, size))


def folder_name(size: tuple[int, int, int]) -> str:
    return "policy-" + "-".join(map(str, size))


def python(*arguments: str | Path) -> list[str]:
    return [sys.executable, *map(str, arguments)]


# 1. Proof ------------------------------------------------------------------------------------------------------


def combinations(data: dict[str, Any]) -> int:
    return math.prod(len(question["answers"]) for question in data["questions"])


def proof_rows(work: Path, rounds: int) -> list[Row]:
    """Time the check on the real content and each generated policy, and brute force beside it."""
    rows = []
    progress("proof: the real content/")
    data = policies.load_real_policy()
    label = f"real content/ ({len(data['scenarios'])} scenarios)"
    rows += guarded(f"proof: {label}", lambda: proof_pair(ROOT, "content", label, data, rounds))
    for size in SIZES:
        name = size_name(size)
        progress(f"proof: generating {name} and its catalogs")
        try:
            data = policies.generate(*size, seed=0)
            policies.write_content(work / folder_name(size), data)
        except Exception as error:  # a broken generator must not stop the other figures
            rows.append(failed(f"proof: {name}", error))
            continue
        progress(f"proof: {name} (check, then brute force)")
        rows += guarded(
            f"proof: {name}",
            lambda data=data, size=size, name=name: proof_pair(work, folder_name(size), name, data, rounds),
        )
    return rows


def proof_pair(cwd: Path, folder: str, label: str, data: dict[str, Any], rounds: int) -> list[Row]:
    """One content folder: the whole check, then the proof alone against the previous, enumerating proof."""
    check = best_run(python("-m", "generator", "check", "--content", folder), cwd, rounds)
    count = combinations(data)
    check_row = Row(
        f"check: {label} (the whole command)",
        ours=check.seconds,
        notes=f"{count:,} combinations; printed: {first_line(check.output)}",
    )
    memory_row = Row(f"check: {label} — peak memory", ours=check.peak_mb, unit="MB", notes="the whole command")
    ours = best_run(python(__file__, "--proof", "new", folder), cwd, rounds)
    proof_row = Row(
        f"proof: {label} — boxes vs brute force",
        ours=proof_seconds(ours) * 1000,
        unit="ms",
        ratio_of="brute force / proof",
        notes=f"in-process prove(), policy already read; {first_line(ours.output.partition(' ')[2], 70)}",
    )
    proof_memory = Row(
        f"proof: {label} — peak memory",
        ours=ours.peak_mb,
        unit="MB",
        ratio_of="ours / reference",
        notes="the process that reads the policy and proves it",
    )
    brute, why = brute_force(cwd, folder, count, rounds)
    if brute is None:
        proof_row.reference_text = proof_memory.reference_text = why
    else:
        proof_row.reference = proof_seconds(brute) * 1000
        proof_row.ratio = proof_row.reference / max(proof_row.ours or 0.0, 1e-3)
        proof_row.notes += f"; brute force ({why}): {first_line(brute.output.partition(' ')[2], 70)}"
        proof_memory.reference, proof_memory.ratio = brute.peak_mb, ours.peak_mb / brute.peak_mb
    return [check_row, memory_row, proof_row, proof_memory]


def proof_seconds(run: Run) -> float:
    """The proof's own time, which the child prints first (reading the policy is left out)."""
    return float(run.output.split()[0])


def brute_force(cwd: Path, folder: str, count: int, rounds: int) -> tuple[Run | None, str]:
    """Time the previous proof (:mod:`brute_force`), which enumerates, within a time budget.

    Return the best run and how many rounds it is the best of, or ``None`` and
    why there is no figure (too many combinations to start, or a timeout).
    """
    if count > BRUTE_FORCE_LIMIT:
        return None, f"not run: {count:,} combinations"
    runs: list[Run] = []
    while len(runs) < rounds and sum(run.seconds for run in runs) < BRUTE_FORCE_TIMEOUT:
        run = run_timed(python(__file__, "--proof", "brute-force", folder), cwd, timeout=BRUTE_FORCE_TIMEOUT)
        if run.timed_out:
            return None, f"did not end within {BRUTE_FORCE_TIMEOUT:.0f} s"
        if run.returncode:
            return None, f"failed: {first_line(run.output, 80)}"
        runs.append(run)
    best = min(runs, key=proof_seconds)
    best.peak_mb = max(run.peak_mb for run in runs)
    return best, f"best of {len(runs)}"


def proof_main(kind: str, folder: Path) -> int:
    """Run in a child process: read the policy, then time one proof of it; print the seconds, then what it found."""
    import brute_force as previous

    from generator.content.load import load_document
    from generator.content.model import Policy
    from generator.logic.verify import prove

    document, problems = load_document(folder / "policy.yaml")
    if document is None:
        print("; ".join(map(str, problems)))
        return 1
    policy = Policy.from_data(document.data, document.position)
    start = time.perf_counter()
    if kind == "new":
        proof = prove(policy)
        problems = len(proof.diagnostics)
        found = f"{problems} problem{'s' if problems != 1 else ''}, {len(proof.nodes):,} finder pages"
    else:
        counts = previous.prove(policy)
        found = ", ".join(f"{value:,} {name}" for name, value in counts.items())
    print(f"{time.perf_counter() - start:.6f} {found}")
    return 0


def broken_rows(work: Path, rounds: int) -> list[Row]:
    """Time how fast the check reports a gap and an overlap, against the check of the sound policy."""
    size = BROKEN_SIZE
    sound = work / folder_name(size)
    data = policies.generate(*size, seed=0)
    if not (sound / "policy.yaml").exists():
        policies.write_content(sound, data)
    reference = best_run(python("-m", "generator", "check", "--content", sound.name), work, rounds)
    rows = []
    for kind, broken in (("gap", policies.with_gap(data)), ("overlap", policies.with_overlap(data))):
        progress(f"proof: {size_name(size)} with a{'n' if kind == 'overlap' else ''} {kind}")
        folder = work / f"{folder_name(size)}-{kind}"
        policies.write_content(folder, broken)
        run = best_run(python("-m", "generator", "check", "--content", folder.name), work, rounds)
        reported = "reported" if run.returncode == 1 and kind in run.output else "NOT reported"
        rows.append(
            Row(
                f"check: {size_name(size)} with a{'n' if kind == 'overlap' else ''} {kind}",
                ours=run.seconds,
                reference=reference.seconds,
                ratio=run.seconds / reference.seconds,
                ratio_of="broken / sound check",
                notes=f"{reported}: {error_start(run.output)}",
            )
        )
    return rows


def error_start(output: str) -> str:
    """The start of the first error line, without its file and position."""
    line = next((line for line in output.splitlines() if ": error: " in line), first_line(output))
    return first_line(line.split(": error: ", 1)[-1], 90)


# 2. Build ------------------------------------------------------------------------------------------------------


def make_project(work: Path, data: dict[str, Any]) -> Path:
    """Copy the project's site sources beside a generated content folder; return the copy's mkdocs.yml."""
    project = work / "project"
    project.mkdir()
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs")
    policies.write_content(project / "content", data)
    return project / "mkdocs.yml"


def pages_per_locale(site: Path) -> dict[str, int]:
    """Count the pages (``index.html`` files) under each locale folder of a built site."""
    return {
        folder.name: sum(1 for _ in folder.rglob("index.html")) for folder in sorted(site.iterdir()) if folder.is_dir()
    }


def make_stock_project(work: Path, pages: int, name: str = "stock") -> Path:
    """Write ``pages`` plain Markdown pages and one stock MkDocs + Material configuration per language.

    Like ours, the stock site lists a few pages in its navigation and keeps the
    rest out of it and out of the search index, so that both sites render the
    same kind of page and the ratio measures the build, not a bigger menu.
    """
    stock = work / name
    docs = stock / "docs"
    (docs / "pages").mkdir(parents=True)
    names = ["index.md"] + [f"pages/page-{number}.md" for number in range(1, pages)]
    for number, name in enumerate(names):
        (docs / name).write_text(plain_page(number, listed=number < LISTED_PAGES), encoding="utf-8")
    for language in STOCK_LANGUAGES:
        config = {
            "site_name": "Stock help center",
            "docs_dir": "docs",
            "theme": {"name": "material", "font": False, "language": language},
            "plugins": ["search"],
            "nav": names[:LISTED_PAGES],
            "not_in_nav": "/pages/*",
        }
        (stock / f"mkdocs-{language}.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return stock


def plain_page(number: int, *, listed: bool) -> str:
    """A page as an editor writes it: a title, a few paragraphs and a list."""
    front = "" if listed else "---\nsearch:\n  exclude: true\n---\n\n"
    paragraph = (
        f"This is paragraph {{}} of page {number}. A refurbisher inspects the device, then either sends it "
        "back for free or waits for a prepaid label from the customer, within two business days."
    )
    body = "\n\n".join(paragraph.format(index) for index in range(1, 4))
    items = "\n".join(f"- Step {index}: do what the page says, then go on." for index in range(1, 6))
    return f"{front}# Page {number}\n\n{body}\n\n{items}\n"


def build_rows(work: Path, rounds: int) -> tuple[list[Row], Path | None, int]:
    """Our whole build against stock MkDocs + Material building as many pages; return the copy and its pages."""
    name = size_name(BUILD_SIZE)
    progress(f"build: copying the project with the generated {name} policy")
    config = make_project(work, policies.generate(*BUILD_SIZE, seed=0))
    sites = work / "sites"
    progress(f"build: python -m generator build ({name}, every locale)")
    command = python("-m", "generator", "build", "--config", config.relative_to(work), "--site-dir")
    runs = [run_timed([*command, str(sites / f"ours-{index}")], work) for index in range(rounds)]
    ours = min(runs, key=lambda run: run.seconds)
    if ours.returncode:
        raise RuntimeError(f"our build failed: {first_line(ours.output)}")
    counts = pages_per_locale(sites / "ours-0")
    pages = max(counts.values())
    progress(f"build: stock MkDocs + Material, {pages} plain pages × {len(STOCK_LANGUAGES)} languages, one by one")
    stock = make_stock_project(work, pages)
    stock_runs = [stock_build(stock, sites / f"stock-{index}") for index in range(rounds)]
    best_stock = min(stock_runs, key=lambda run: run.seconds)
    cores = os.cpu_count() or 1
    row = Row(
        f"build: {name}, {len(counts)} locales",
        ours=ours.seconds,
        reference=best_stock.seconds,
        ratio=ours.seconds / best_stock.seconds,
        notes=(
            f"{pages} pages per locale ({sum(counts.values()):,} in all); ours builds {min(cores, len(counts))} "
            f"locales at a time on {cores} cores, stock runs {len(STOCK_LANGUAGES)} mkdocs build one after the other"
        ),
    )
    memory = Row(
        f"build: {name} — peak memory",
        ours=max(run.peak_mb for run in runs),
        reference=max(run.peak_mb for run in stock_runs),
        unit="MB",
        notes="largest process (ours: the main process or a locale's worker)",
    )
    memory.ratio = memory.ours / memory.reference
    return [row, memory], config, pages


def parallel_rows(work: Path, config_file: Path, rounds: int) -> list[Row]:
    """Our whole build, locales one at a time against one per core: what building them in parallel gains."""
    from generator.helpcenter.folder import load_content
    from generator.mkdocs.site import build_site

    cores = os.cpu_count() or 1
    progress(f"build: in this process, locales one at a time, then {cores} at a time")
    locales = list(load_content(config_file.parent / "content").locales.published)
    site = work / "sites" / "parallel"
    with quiet_mkdocs():
        serial = best_time(lambda: build_site(config_file, site, locales, workers=1), rounds)
        parallel = best_time(lambda: build_site(config_file, site, locales, workers=cores), rounds)
    return [
        Row(
            f"build: {size_name(BUILD_SIZE)}, {cores} locales at a time",
            ours=parallel,
            reference=serial,
            ratio=serial / parallel,
            ratio_of="speed-up: one at a time / parallel",
            notes=f"generator.mkdocs.site.build_site in this process, workers={cores} against workers=1",
        )
    ]


def stock_build(stock: Path, site: Path, workers: int = 1, label: str = "") -> Run:
    """Build the stock site once per language, ``workers`` at a time; return the time, the processor time
    and the peak memory of the largest process.

    With one worker the languages build one after the other, and the time is
    their sum; with more, as our build does its locales, the time is from the
    first start to the last end.
    """

    def one(language: str) -> Run:
        config = f"mkdocs-{language}.yml"
        command = python("-m", "mkdocs", "build", "-q", "-f", config, "-d", site / language)
        run = run_timed(command, stock, label=f"{label} ({language})" if label else "")
        if run.returncode:
            raise RuntimeError(f"stock build ({language}) failed: {first_line(run.output)}")
        return run

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        runs = list(pool.map(one, STOCK_LANGUAGES))
    total = sum(run.seconds for run in runs) if workers == 1 else time.perf_counter() - start
    return Run(total, max(run.peak_mb for run in runs), 0, "", cpu_seconds=sum(run.cpu_seconds for run in runs))


# 3. The generator's share of a locale's build ------------------------------------------------------------------


@contextmanager
def quiet_mkdocs() -> Iterator[None]:
    """Keep MkDocs' INFO lines out of the report while it builds in this process."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def load(content_dir: Path) -> Any:
    """Read, check and prove the content: the first half of what our plugin does for a locale."""
    from generator.helpcenter.folder import load_content

    return load_content(content_dir)


def render_pages(content: Any) -> int:
    """Make the locale's pages from proven content, the second half; return how many."""
    from generator.helpcenter.translate import resolve_locale
    from generator.rendering.pages import build_pages

    locale, content = resolve_locale(content, SOURCE_LOCALE)
    return len(build_pages(content, locale))


def locale_build(config_file: Path, site: Path, tag: str = SOURCE_LOCALE) -> None:
    """One locale's whole MkDocs build, set up the way ``generator.mkdocs.site`` does it."""
    from mkdocs.commands.build import build

    from generator.mkdocs.config import locale_config

    build(locale_config(config_file, str(site), tag, ""))


def stock_locale_build(stock: Path, site: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(stock / f"mkdocs-{STOCK_LANGUAGES[0]}.yml"), site_dir=str(site)))


def share_rows(work: Path, config_file: Path, pages: int, rounds: int) -> list[Row]:
    """In this process: the generator's part of the en-US build, and the cost per page against stock."""
    progress(f"share: the generator's work and the whole {SOURCE_LOCALE} build, in this process")
    content_dir = config_file.parent / "content"
    loading = best_time(lambda: load(content_dir), rounds)
    content = load(content_dir)
    rendering = best_time(lambda: render_pages(content), rounds)
    generated = loading + rendering
    with quiet_mkdocs():
        ours = best_time(lambda: locale_build(config_file, work / "inprocess-ours"), rounds)
        stock_dir = work / "stock"
        stock = best_time(lambda: stock_locale_build(stock_dir, work / "inprocess-stock"), rounds)
    name = size_name(BUILD_SIZE)
    return [
        Row(
            f"share: generator in a {SOURCE_LOCALE} build ({name})",
            ours=generated,
            reference=ours,
            ratio=generated / ours,
            ratio_of="generator / whole locale build",
            notes=(
                f"load_content (read, check, prove) {loading:.3f} s + resolve_locale and build_pages "
                f"{rendering:.3f} s, against load_config + build of the locale"
            ),
        ),
        Row(
            f"share: rendering the pages of a {SOURCE_LOCALE} build ({name})",
            ours=rendering,
            reference=ours,
            ratio=rendering / ours,
            ratio_of="generator / whole locale build",
            notes="what each locale's worker does; reading, checking and proving happen once per build, for all",
        ),
        Row(
            f"per page: one {SOURCE_LOCALE} build ({pages} pages)",
            ours=ours / pages * 1000,
            reference=stock / pages * 1000,
            ratio=ours / stock,
            unit="ms",
            notes=f"stock: one Material build of {pages} plain pages ({STOCK_LANGUAGES[0]}), in this process too",
        ),
    ]


# 3b. Diff -----------------------------------------------------------------------------------------------------


def diff_rows(rounds: int) -> list[Row]:
    """`generator diff`'s outcome changes on each generated policy against itself with scenarios re-routed."""
    rows = []
    for size in SIZES:
        progress(f"diff: {size_name(size)}")
        rows += guarded(f"diff: {size_name(size)}", lambda size=size: [diff_row(size, rounds)])
    return rows


def diff_row(size: tuple[int, int, int], rounds: int) -> Row:
    """Every tenth scenario of a generated policy re-routed: ours against intersecting every pair of scenarios.

    The reference is what the first version did; ours finds the pairs that meet
    with bit sets per answer, as the proof finds overlaps.
    """
    from generator.content.model import Policy
    from generator.helpcenter.compare import common_space, outcome_changes
    from generator.logic.space import intersection

    data = policies.generate(*size, seed=0)
    edited = copy.deepcopy(data)
    outcomes = [outcome["id"] for outcome in edited["outcomes"]]
    for scenario in edited["scenarios"][::10]:
        scenario["outcome"] = outcomes[(outcomes.index(scenario["outcome"]) + 1) % len(outcomes)]
    old, new = Policy.from_data(data), Policy.from_data(edited)
    space = common_space(old, new)
    found = outcome_changes(old, new, space)

    def pairwise() -> int:
        before = [(scenario.outcome, space.box(scenario.when)) for scenario in old.scenarios]
        after = [(scenario.outcome, space.box(scenario.when)) for scenario in new.scenarios]
        return sum(1 for a, x in before for b, y in after if a != b and intersection(x, y) is not None)

    ours = best_time(lambda: outcome_changes(old, new, space), rounds)
    row = Row(
        f"diff: {size_name(size)}, every tenth scenario re-routed",
        ours=ours * 1000,
        unit="ms",
        notes=f"{len(found)} groups of customers who move; reference: every pair of scenarios intersected",
    )
    pairs = len(old.scenarios) * len(new.scenarios)
    if pairs > MAX_DIFF_PAIRS:
        row.reference_text = f"not run ({pairs:,} pairs)"
        return row
    assert pairwise() == len(found), "the reference and ours disagree"
    reference = best_time(pairwise, rounds)
    row.reference, row.ratio = reference * 1000, ours / reference
    return row


# 4. Preview ----------------------------------------------------------------------------------------------------


def preview_rows(work: Path, rounds: int) -> list[Row]:
    """Policy edit → new page served: ``python -m generator serve`` against stock ``mkdocs serve``."""
    from preview import BIG, OTHERS, SMALL, measure, measure_big, measure_help_center

    edits = max(5, rounds)
    progress(f"preview: {edits} policy edits, our preview then mkdocs serve")
    found = measure(edits)
    progress(f"preview: {edits} edits of a generated {size_name(BIG)} policy, then as many full rebuilds")
    big = measure_big(edits)
    progress(f"preview: {edits} edits of a {size_name(SMALL)} policy among {OTHERS} of {size_name(BIG)}, then alone")
    center = measure_help_center(edits)
    among, processor = float(center["edit_to_result_page_median_s"]), center["edit_to_result_page_processor_median_s"]
    return [
        Row(
            f"preview: {size_name(BIG)} policy, edit → a finder result served (median of {edits})",
            ours=float(big["edit_to_result_page_median_s"]),
            reference=float(big["full_rebuild_median_s"]),
            ratio=float(big["ratio"]),
            notes=(
                f"{target_note('preview', float(big['edit_to_result_page_median_s']))}; the server's processor "
                f"time per edit: median {big['edit_to_result_page_processor_median_s']} s "
                f"({target_note('preview', float(big['edit_to_result_page_processor_median_s']))}); "
                f"{big['finder_pages']:,} finder pages; ours {big['edit_to_result_page_s']} (a page made on request); "
                f"reference: prove + build every page, as each edit did before, {big['full_rebuild_s']}"
            ),
        ),
        Row(
            f"preview: {size_name(BIG)} policy, edit → the article served (median of {edits})",
            ours=float(big["edit_to_article_median_s"]),
            reference=float(big["full_rebuild_median_s"]),
            ratio=float(big["edit_to_article_median_s"]) / float(big["full_rebuild_median_s"]),
            notes=f"{big['edit_to_article_s']} (a page the preview's build writes)",
        ),
        Row(
            f"preview: a {size_name(SMALL)} policy among {OTHERS} of {size_name(BIG)}, edit → a finder result served "
            f"(median of {edits})",
            ours=among,
            reference=float(center["alone_median_s"]),
            ratio=float(center["ratio"]),
            ratio_of="among them / alone",
            notes=(
                f"{target_note('preview', among)}; the server's processor time per edit: median {processor} s "
                f"({target_note('preview', float(processor))}); finder pages {center['finder_pages']}; ours "
                f"{center['edit_to_result_page_s']}; reference: the same policy alone, {center['alone_s']} "
                f"(processor {center['alone_processor_median_s']} s)"
            ),
        ),
        Row(
            f"preview: policy edit → new page served (median of {edits})",
            ours=float(found["ours_median_s"]),
            reference=float(found["mkdocs_serve_median_s"]),
            ratio=float(found["ratio"]),
            notes=f"ours {found['ours_s']}; mkdocs serve {found['mkdocs_serve_s']} (real policy, en-US)",
        ),
        Row(
            f"preview: broken edit → its problem served (median of {edits})",
            ours=float(found["broken_edit_to_problems_page_median_s"]),
            notes=f"{found['broken_edit_to_problems_page_s']}; mkdocs serve shows none (the page hangs)",
        ),
    ]


# 5. Adversarial policies --------------------------------------------------------------------------------------


#: Each adversarial policy: its name, what the check did before issue 13, and its policy.yaml (as a function).
ADVERSARIAL: tuple[tuple[str, str, Callable[[], str]], ...] = (
    ("tangled: 17 yes/no questions, a scenario each", "112 s", lambda: adversarial.dump(adversarial.tangled(17))),
    ("8,000 catch-all scenarios", "67 s, 3.5 GB", lambda: adversarial.dump(adversarial.catch_alls(8000))),
    (
        "a 700,000-character text used 3,000 times through aliases",
        "89 s",
        lambda: adversarial.repeated_text(700_000, 3000),
    ),
    (
        "a 50,000-character text used 1,000 times through aliases",
        "a 96 MB site",
        lambda: adversarial.repeated_text(50_000, 1000),
    ),
    ("a finder past 10,000 pages (8 questions, 200 scenarios)", "", lambda: adversarial.dump(adversarial.scattered())),
    ("a 3,000-question tangle", "", lambda: adversarial.dump(adversarial.tangled(3000))),
    ("a text of 800,000 characters of '](' (link starts)", "hours", lambda: adversarial.link_starts(400_000)),
    ("a list of 60,000 texts on one line", "", lambda: adversarial.one_line_list(60_000)),
    ("3,000 unknown questions among 3,000", "", lambda: adversarial.dump(adversarial.unknown_questions(3000))),
)


def adversarial_rows(work: Path, rounds: int) -> list[Row]:
    """``check`` on each adversarial policy, against ``check`` on the toy policy, in the same run."""
    toy = adversarial_folder(work, "toy", adversarial.TOY_POLICY.read_text(encoding="utf-8"))
    progress("adversarial: the toy policy, for reference")
    reference = best_run(python("-m", "generator", "check", "--content", toy.name), work, rounds)
    rows = guarded("adversarial: diff", lambda: [adversarial_diff_row(work, reference, rounds)])
    for number, (name, before, policy) in enumerate(ADVERSARIAL):
        progress(f"adversarial: {name}")
        rows += guarded(
            f"adversarial: {name}",
            lambda number=number, name=name, before=before, policy=policy: [
                adversarial_row(work, f"adversarial-{number}", name, before, policy(), reference, rounds)
            ],
        )
    return rows


def adversarial_diff_row(work: Path, reference: Run, rounds: int) -> Row:
    """``diff`` between two sound versions that cut 2,000 answers across each other: 2 million groups who move."""
    progress("adversarial: diff of two versions cut across each other")
    old = adversarial_folder(work, "diff-old", adversarial.dump(adversarial.grid(2000, "q1", "q2")))
    new = adversarial_folder(work, "diff-new", adversarial.dump(adversarial.grid(2000, "q2", "q1")))
    run = best_run(python("-m", "generator", "diff", old.name, new.name), work, rounds)
    return bounded_row(
        "adversarial: diff of two versions that cut 2,000 answers across each other",
        run,
        reference,
        "this diff / the toy's check",
        "2 million groups listed, 8 s of processor time",
        error_start(run.output),
    )


def adversarial_folder(work: Path, name: str, policy: str) -> Path:
    """A content folder of the toy ``policy`` with the real schemas and interface (one locale: no locales.yaml)."""
    folder = work / name
    folder.mkdir(exist_ok=True)
    for shared in ("policy.schema.json", "help-center.schema.json", "interface.yaml", "interface.schema.json"):
        shutil.copyfile(policies.CONTENT / shared, folder / shared)
    shutil.copyfile(ROOT / "tests" / "fixtures" / "toy" / "help-center.yaml", folder / "help-center.yaml")
    (folder / "policy.yaml").write_text(policy, encoding="utf-8")
    return folder


def adversarial_row(work: Path, folder: str, name: str, before: str, policy: str, reference: Run, rounds: int) -> Row:
    content = adversarial_folder(work, folder, policy)
    run = best_run(python("-m", "generator", "check", "--content", content.name), work, rounds)
    said = error_start(run.output) if run.returncode else first_line(run.output, 90)
    name = f"adversarial: {name} ({len(policy.encode()) / 1024:,.0f} KB)"
    return bounded_row(name, run, reference, "this check / the toy's", before, said)


def bounded_row(name: str, run: Run, reference: Run, ratio_of: str, before: str, said: str) -> Row:
    """A row for a command that must answer within :data:`CHECK_LIMIT`, against the toy's check in the same run."""
    within = "within" if run.seconds <= CHECK_LIMIT else "OVER"
    return Row(
        name,
        ours=run.seconds,
        reference=reference.seconds,
        ratio=run.seconds / reference.seconds,
        ratio_of=ratio_of,
        notes=(
            f"{within} {CHECK_LIMIT:.0f} s; processor {run.cpu_seconds:.2f} s; {run.peak_mb:.0f} MB; "
            f"{'before: ' + before + '; ' if before else ''}exit {run.returncode}: {said}"
        ),
    )


# 6. Help center -----------------------------------------------------------------------------------------------


def help_center_name() -> str:
    count, size = HELP_CENTER
    return f"{count} policies × {size_name(size)}"


def make_help_center(work: Path) -> Path:
    """A copy of the project whose content is the generated help center; return its mkdocs.yml."""
    count, size = HELP_CENTER
    project = work / "help-center"
    project.mkdir()
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs")
    said = policies.write_help_center(project / "content", policies.help_center(count, *size, seed=0))
    progress(f"help center: {said[0] if said else 'catalogs as copied'}")
    return project / "mkdocs.yml"


def median_runs(command: list[str], cwd: Path, rounds: int) -> tuple[Run, float, float]:
    """Run ``command`` ``rounds`` times; return the fastest run, and the median wall and processor times."""
    runs = [run_timed(command, cwd) for _ in range(rounds)]
    fastest = min(runs, key=lambda run: run.seconds)
    return fastest, statistics.median(run.seconds for run in runs), statistics.median(run.cpu_seconds for run in runs)


def target_note(what: str, value: float) -> str:
    """Say whether ``value`` meets issue 14's target for ``what``."""
    target = TARGETS[what]
    unit = "×" if what == "build" else " s"
    return f"target ≤ {target:g}{unit}: {'met' if value <= target else 'NOT met'}"


def help_center_rows(work: Path, rounds: int, *, build: bool = True) -> list[Row]:
    """``check`` of the generated help center, whole and one file, and (unless not ``build``) its build against
    stock per page."""
    progress(f"help center: generating {help_center_name()} and its catalogs")
    config = make_help_center(work)
    project = config.parent
    rows = guarded("help center: check", lambda: help_center_check_rows(project, rounds))
    if build:
        rows += guarded("help center: build", lambda: help_center_build_rows(work, config, rounds))
    return rows


def compiled_beforehand() -> str:
    """Compile the generator's bytecode, as any first run does; say so for the notes.

    An editor checks a file again and again: every run but the first reads the
    bytecode Python wrote. Where writing it is turned off
    (``PYTHONDONTWRITEBYTECODE``, as on some shared machines), each run would
    compile every module of the generator again, a cost no editor pays.
    """
    command = [sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")]
    done = subprocess.run(command, env=child_env(), capture_output=True, text=True, check=False)
    return "bytecode compiled beforehand" if done.returncode == 0 else "bytecode could not be compiled beforehand"


def help_center_check_rows(project: Path, rounds: int) -> list[Row]:
    name = help_center_name()
    compiled = compiled_beforehand()
    progress(f"help center: check of the whole {name}")
    whole, wall, whole_cpu = median_runs(python("-m", "generator", "check", "--content", "content"), project, rounds)
    cpu = whole_cpu
    rows = [
        Row(
            f"help center: check, {name} (median of {rounds})",
            ours=wall,
            notes=(
                f"{target_note('check', wall)} (processor: {cpu:.2f} s, {target_note('check', cpu)}); "
                f"best {whole.seconds:.2f} s; {compiled}; exit {whole.returncode}: {first_line(whole.output, 80)}"
            ),
        )
    ]
    progress(f"help center: check of {EDITED_POLICY} alone, as while editing it")
    command = python("-m", "generator", "check", "--content", "content", f"content/{EDITED_POLICY}")
    one, wall, cpu = median_runs(command, project, rounds)
    how = f"`check --content content content/{EDITED_POLICY}`"
    if one.returncode == 2 and "usage:" in one.output:  # the command takes no file yet: the whole check stands in
        one, wall, cpu = whole, rows[0].ours or 0.0, whole_cpu
        how = "the whole check (this version of `check` takes no file)"
    rows.append(
        Row(
            f"help center: check of one policy file (median of {rounds})",
            ours=wall,
            reference=rows[0].ours,
            ratio=wall / (rows[0].ours or 1.0),
            ratio_of="one file / all files",
            notes=(
                f"{target_note('one file', wall)} (processor: {cpu:.2f} s, {target_note('one file', cpu)}); "
                f"best {one.seconds:.2f} s; {how}; exit {one.returncode}: {first_line(one.output, 60)}"
            ),
        )
    )
    return rows


def help_center_build_rows(work: Path, config: Path, rounds: int) -> list[Row]:
    """All locales of the help center built, against stock MkDocs + Material building as many plain pages.

    Both build their languages as many at a time as the machine has cores
    (ours: ``build_site``'s workers; stock: one ``mkdocs build`` per language),
    so the wall times compare like with like; the processor times add every
    process up. A build longer than :data:`LONG_BUILD` is run once, and stock
    then as many times as ours. Each site is removed once measured: the full
    help center is over a gigabyte a site.
    """
    name, cores = help_center_name(), os.cpu_count() or 1
    sites = work / "help-center-sites"
    command = python("-m", "generator", "build", "--config", config.relative_to(work), "--site-dir")
    runs: list[Run] = []
    counts: dict[str, int] = {}
    while len(runs) < rounds and not (runs and runs[0].seconds > LONG_BUILD):
        progress(f"help center: python -m generator build ({name}, every locale), round {len(runs) + 1}")
        site = sites / f"ours-{len(runs)}"
        runs.append(run_timed([*command, str(site)], work, label="help center: our build"))
        if runs[-1].returncode:
            raise RuntimeError(f"our build failed: {first_line(runs[-1].output)}")
        counts = counts or pages_per_locale(site)
        shutil.rmtree(site)
    pages = max(counts.values())
    stock = make_stock_project(work, pages, "help-center-stock")
    stock_runs: list[Run] = []
    for index in range(len(runs)):
        progress(f"help center: stock MkDocs + Material, {pages:,} plain pages × {len(STOCK_LANGUAGES)} languages")
        stock_runs.append(stock_build(stock, sites / f"stock-{index}", cores, label="help center: stock build"))
        shutil.rmtree(sites / f"stock-{index}")
    ours_pages, stock_pages = sum(counts.values()), pages * len(STOCK_LANGUAGES)
    ours_wall, stock_wall = (statistics.median(run.seconds for run in each) for each in (runs, stock_runs))
    ours_cpu, stock_cpu = (statistics.median(run.cpu_seconds for run in each) for each in (runs, stock_runs))
    ours_ms, stock_ms = ours_wall / ours_pages * 1000, stock_wall / stock_pages * 1000
    ours_cpu_ms, stock_cpu_ms = ours_cpu / ours_pages * 1000, stock_cpu / stock_pages * 1000
    how = f"median of {len(runs)}" if len(runs) > 1 else "one round"
    if len(runs) < rounds:
        how += f": a build takes over {LONG_BUILD:.0f} s"
    both = f"both build {min(cores, len(counts))} languages at a time on {cores} cores"
    return [
        Row(
            f"help center: build, {name}, {len(counts)} locales, per page ({how})",
            ours=ours_ms,
            reference=stock_ms,
            ratio=ours_ms / stock_ms,
            unit="ms",
            notes=(
                f"per page: {target_note('build', ours_ms / stock_ms)}; ours {ours_wall:.1f} s for {ours_pages:,} "
                f"pages ({pages:,} per locale), stock {stock_wall:.1f} s for {stock_pages:,}; {both}"
            ),
        ),
        Row(
            f"help center: build, {name}, processor time per page ({how})",
            ours=ours_cpu_ms,
            reference=stock_cpu_ms,
            ratio=ours_cpu_ms / stock_cpu_ms,
            unit="ms",
            notes=(
                f"per page: {target_note('build', ours_cpu_ms / stock_cpu_ms)}; user + system of every process: "
                f"ours {ours_cpu:.1f} s, stock {stock_cpu:.1f} s"
            ),
        ),
        Row(
            f"help center: build, {name} — peak memory",
            ours=max(run.peak_mb for run in runs),
            reference=max(run.peak_mb for run in stock_runs),
            ratio=max(run.peak_mb for run in runs) / max(run.peak_mb for run in stock_runs),
            unit="MB",
            notes="the largest process (ours: the main process or a locale's worker; stock: one language's build)",
        ),
    ]


# The report ----------------------------------------------------------------------------------------------------


def failed(what: str, error: BaseException) -> Row:
    """The row of a step that failed: what failed and why, never a traceback."""
    reason = f"{type(error).__name__}: {first_line(str(error), 160)}"
    progress(f"{what}: failed ({reason}); going on")
    return Row(what, ours_text="failed", notes=reason)


def guarded(what: str, step: Callable[[], list[Row]]) -> list[Row]:
    """Run one step; a failure becomes a row saying so, and the run goes on."""
    try:
        return step()
    except Exception as error:
        return [failed(what, error)]


def shown(value: float | None, text: str, unit: str) -> str:
    if text:
        return text
    if value is None:
        return "—"
    digits = 1 if unit == "MB" or value >= 100 else 3 if value < 1 else 2
    return f"{value:,.{digits}f} {unit}"


def shown_ratio(row: Row) -> str:
    if row.ratio is None:
        return "—"
    if "/ whole" in row.ratio_of:
        return f"{row.ratio:.0%} ({row.ratio_of})"
    return f"{row.ratio:.2f}× ({row.ratio_of})"


def table(rows: list[Row]) -> str:
    """The report as aligned columns: what, ours, reference, ratio, notes."""
    lines = [("what", "ours", "reference", "ratio", "notes")]
    lines += [
        (
            row.what,
            shown(row.ours, row.ours_text, row.unit),
            shown(row.reference, row.reference_text, row.unit),
            shown_ratio(row),
            row.notes,
        )
        for row in rows
    ]
    widths = [max(len(line[column]) for line in lines) for column in range(4)]
    text = [
        "  ".join([*(cell.ljust(width) for cell, width in zip(line[:4], widths, strict=True)), line[4]]).rstrip()
        for line in lines
    ]
    text.insert(1, "  ".join("-" * width for width in widths) + "  -----")
    return "\n".join(text)


def variant_project(work: Path, name: str, *add: str) -> Path:
    """A copy of the project with a Belgian market, after ``i18n add fr-BE`` with ``add``'s options."""
    from support import add_belgian_market  # the tests' own Belgian market

    project = work / name
    for each in ("content", "docs", "overrides"):
        shutil.copytree(ROOT / each, project / each)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    add_belgian_market(project / "content")
    added = run_timed(python("-m", "generator", "i18n", "add", "fr-BE", *add), project)
    if added.returncode:
        raise RuntimeError(f"i18n add fr-BE {' '.join(add)}: {error_start(added.output)}")
    return project


def variant_rows(work: Path, rounds: int) -> list[Row]:
    """fr-BE inheriting from fr-FR against fr-BE a full copy: ``check``, ``i18n status``, fr-BE's build."""
    progress("variants: fr-BE inheriting, and fr-BE a full copy of fr-FR")
    inheriting = variant_project(work, "inheriting")
    copied = variant_project(work, "copied", "--from", "fr-FR")
    commands = {
        "check": ["check"],
        "i18n status": ["i18n", "status"],
        "build of fr-BE alone": ["build", "--locale", "fr-BE", "--site-dir", "site"],
    }
    rows = []
    for what, command in commands.items():
        progress(f"variants: {what}")
        ours = best_run(python("-m", "generator", *command), inheriting, rounds)
        reference = best_run(python("-m", "generator", *command), copied, rounds)
        rows.append(
            Row(
                f"variants: {what}, fr-BE inheriting",
                ours=ours.seconds,
                reference=reference.seconds,
                ratio=ours.seconds / reference.seconds if reference.seconds else None,
                ratio_of="inheriting / a full copy",
                notes=first_line(ours.output, 90) if ours.returncode == 0 else error_start(ours.output),
            )
        )
    return rows


def run_all(rounds: int, only: str | None = None) -> list[Row]:
    """Every step (or the ``only`` one), each guarded, in one temporary folder removed at the end."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        work = Path(folder)
        if only == "adversarial":
            return guarded("adversarial", lambda: adversarial_rows(work, rounds))
        if only == "preview":
            return guarded("preview", lambda: preview_rows(work, rounds))
        if only == "help-center":
            return guarded("help center", lambda: help_center_rows(work, rounds))
        if only == "help-center-check":
            return guarded("help center", lambda: help_center_rows(work, rounds, build=False))
        if only == "variants":
            return guarded("variants", lambda: variant_rows(work, rounds))
        rows += proof_rows(work, rounds)
        rows += guarded("proof: gap and overlap", lambda: broken_rows(work, rounds))
        try:
            build, config, pages = build_rows(work, rounds)
            rows += build
        except Exception as error:
            rows.append(failed("build", error))
            config = None
        if config is not None:
            rows += guarded("build: parallel", lambda: parallel_rows(work, config, rounds))
            rows += guarded("share", lambda: share_rows(work, config, pages, rounds))
        rows += guarded("diff", lambda: diff_rows(rounds))
        rows += guarded("preview", lambda: preview_rows(work, rounds))
        rows += guarded("adversarial", lambda: adversarial_rows(work, rounds))
        rows += guarded("help center", lambda: help_center_rows(work, rounds))
        rows += guarded("variants", lambda: variant_rows(work, rounds))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="each figure is the best of this many runs (default 3)")
    parser.add_argument("--json", action="store_true", help="print the rows as a JSON object")
    parser.add_argument(
        "--only",
        choices=["adversarial", "preview", "help-center", "help-center-check", "variants"],
        help="run this part alone",
    )
    parser.add_argument("--proof", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)  # the child's side
    args = parser.parse_args(argv)
    if args.proof:
        return proof_main(args.proof[0], Path(args.proof[1]))
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    start, load_before = time.perf_counter(), os.getloadavg()[0]
    try:
        rows = run_all(args.rounds, args.only)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    seconds = time.perf_counter() - start
    load = (load_before, os.getloadavg()[0])  # how busy the machine was: the wall times grow with it
    progress(f"done in {seconds:.0f} s")
    if args.json:
        report = {"rounds": args.rounds, "cores": os.cpu_count(), "seconds": round(seconds, 1), "load": load}
        print(json.dumps({**report, "rows": [asdict(row) for row in rows]}, indent=2, ensure_ascii=False))
    else:
        print(
            f"best of {args.rounds} rounds unless a row says median; {os.cpu_count()} cores; {seconds:.0f} s in all; "
            f"load average {load[0]:.1f} at the start, {load[1]:.1f} at the end\n"
        )
        print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
