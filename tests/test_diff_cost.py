"""`diff` lists the groups of customers who move up to a limit, then refuses: two versions that cut the answers
across each other make a group per pair of scenarios, millions of them within every size limit.
"""

from __future__ import annotations

import json
from pathlib import Path

import adversarial
import pytest
from test_check_rejects import TOY_POLICY, make_content

from generator.cli import main
from generator.helpcenter import compare


def folder(tmp_path: Path, name: str, data: dict) -> Path:
    content = tmp_path / name
    content.mkdir()
    make_content(content, TOY_POLICY)
    (content / "policy.yaml").write_text(adversarial.dump(data), encoding="utf-8")
    return content


@pytest.mark.parametrize(("limit", "refused"), [(48, False), (47, True)], ids=["at-the-limit", "one-under"])
def test_diff_of_versions_cut_across_each_other(tmp_path, monkeypatch, capsys, limit, refused):
    # 10 answers. The old s0..s8 meet the new s0..s8 with another outcome where i and j differ in parity:
    # 5 × 4 + 4 × 5 = 40. The new 'last-rest' (q2=a9, repair) meets the old refunds s2, s4, s6, s8 (4), and
    # the old 'last-rest' (q1=a9, repair) the new refunds s2, s4, s6, s8 (4); the rest agree: 48 groups.
    old = folder(tmp_path, "old", adversarial.grid(10, "q1", "q2"))
    new = folder(tmp_path, "new", adversarial.grid(10, "q2", "q1"))
    monkeypatch.setattr(compare, "MAX_OUTCOME_CHANGES", limit)
    monkeypatch.chdir(tmp_path)

    status = main(["diff", str(old), str(new), "--format", "json"])

    out, err = capsys.readouterr()
    if refused:
        assert (status, out) == (1, "")
        assert err == (
            "error: the two versions give more than 47 groups of customers another outcome, too many to list: "
            "compare versions nearer each other (one edit at a time)\n"
        )
    else:
        assert (status, err) == (0, "")
        assert len(json.loads(out)["policies"][0]["outcome_changes"]) == 48


def test_the_limit_is_the_one_stated():
    assert compare.MAX_OUTCOME_CHANGES == 10_000
