"""Benchmark: the whole site built in one process, then in parallel, in the same run.

    .venv/bin/python benchmarks/build.py [--rounds 3]

Prints the best time of each and their ratio. Times on a shared machine are
noisy; the ratio, measured back to back, is what to compare between changes.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from generator.content import load_content
from generator.site import build_site

ROOT = Path(__file__).resolve().parent.parent


def best_time(workers: int, rounds: int) -> float:
    content = load_content(ROOT / "content")
    times = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            build_site(ROOT / "mkdocs.yml", Path(folder) / "site", list(content.locales.published), workers=workers)
            times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cores = os.cpu_count() or 1
    serial = best_time(1, args.rounds)
    parallel = best_time(cores, args.rounds)
    print(f"locales built one at a time: {serial:.2f} s (best of {args.rounds})")
    print(f"locales built {cores} at a time: {parallel:.2f} s (best of {args.rounds})")
    print(f"speed-up: {serial / parallel:.2f}x")


if __name__ == "__main__":
    main()
