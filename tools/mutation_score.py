"""Print the score of the last `make mutation` run: killed / tested per module, then every mutant not killed.

mutmut keeps each file's results beside its mutated copy, in ``mutants/<path>.meta`` (JSON: the exit code of the
tests per mutant). A mutant is killed when a test failed or timed out; it survives when every test passed, and
counts as "no tests" when no test of the selection calls its function; an interrupted run leaves some "not run".
Run `mutmut show NAME` for a survivor's diff.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

#: mutmut's exit codes (mutmut/stats.py): 1 or 3 a test failed, 24/36/152/255/-24 a timeout.
KILLED = {1, 3}
TIMEOUT = {24, 36, 152, 255, -24}
SURVIVED = {0}
NO_TESTS = {5, 33}


def verdict(code: int | None) -> str:
    if code in KILLED or code in TIMEOUT:
        return "killed"
    if code in SURVIVED:
        return "survived"
    if code in NO_TESTS:
        return "no tests"
    if code is None:
        return "not run"
    return "suspicious"


def main(folder: Path) -> int:
    metas = sorted(folder.glob("generator/**/*.py.meta"))
    if not metas:
        print(f"{folder}: error: no mutation results: run `make mutation` first", file=sys.stderr)
        return 1
    totals: Counter[str] = Counter()
    left: list[tuple[str, str]] = []
    print(f"{'module':<32} {'killed':>7} / {'tested':<6} {'score':>6}  other")
    for meta in metas:
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        if not codes:
            continue
        counts = Counter(verdict(code) for code in codes.values())
        totals.update(counts)
        module = str(meta.relative_to(folder)).removesuffix(".meta")
        others = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()) if kind != "killed")
        tested = len(codes) - counts["not run"]
        print(f"{module:<32} {counts['killed']:>7} / {tested:<6} {counts['killed'] / max(tested, 1):>6.1%}  {others}")
        left += [(name, verdict(code)) for name, code in codes.items() if verdict(code) not in {"killed", "not run"}]
    tested = sum(totals.values()) - totals["not run"]
    print(f"{'all':<32} {totals['killed']:>7} / {tested:<6} {totals['killed'] / max(tested, 1):>6.1%}")
    if totals["not run"]:
        print(f"{totals['not run']} mutants not run yet (an interrupted run): `make mutation` runs them all")
    if left:
        print(f"\n{len(left)} mutants not killed (see one with `.venv/bin/mutmut show NAME`):")
        for name, kind in sorted(left):
            print(f"  {kind:<10} {name}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "mutants")))
    except BrokenPipeError:  # read through `head`: what was wanted is printed
        sys.stderr.close()
        sys.exit(0)
