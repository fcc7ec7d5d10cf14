"""`python -m generator check` refuses broken content with exact, editor-ready diagnostics.

Each case is a copy of the toy policy (``fixtures/toy/policy.yaml``) with one
defect, in ``fixtures/broken/<case>.yaml``; the lines the check must print are
written by hand in ``fixtures/broken/<case>.expected``, as
``policy.yaml:LINE:COL: error: message``. The first line of every broken
fixture says what is wrong with it; the other lines keep the toy's numbering
wherever the defect allows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TOY_POLICY = FIXTURES / "toy" / "policy.yaml"
BROKEN = FIXTURES / "broken"
#: What a content folder needs besides its policy; the tests take these from the real content.
SHARED_FILES = ("policy.schema.json", "interface.schema.json", "interface.yaml")

CASES = [
    # The proof: gaps, overlaps, the finder's order, unused parts.
    pytest.param("gap", id="gap"),
    pytest.param("gap-many", id="gap-with-more-combinations"),
    pytest.param("overlap", id="overlap"),
    pytest.param("follows-cycle", id="follows-cycle"),
    pytest.param("follows-blocks", id="follows-blocks-a-question-that-matters"),
    pytest.param("follows-blocks-first", id="follows-blocks-before-any-answer"),
    pytest.param("never-asked", id="question-never-asked"),
    pytest.param("unused-outcome", id="outcome-never-reached"),
    # References and ids.
    pytest.param("unknown-outcome", id="unknown-outcome"),
    pytest.param("unknown-question", id="unknown-question-in-when"),
    pytest.param("unknown-answer", id="unknown-answer"),
    pytest.param("unknown-follows", id="unknown-question-in-follows"),
    pytest.param("duplicate-scenario-id", id="duplicate-scenario-id"),
    pytest.param("duplicate-question-id", id="duplicate-question-id"),
    pytest.param("duplicate-answer-id", id="duplicate-answer-id"),
    pytest.param("unknown-placeholder", id="unknown-placeholder"),
    pytest.param("unknown-link", id="unknown-link-target"),
    # The schema.
    pytest.param("schema-missing-field", id="schema-missing-required-field"),
    pytest.param("schema-missing-fields", id="schema-two-missing-fields-in-order"),
    pytest.param("schema-unknown-field", id="schema-unknown-field-typo"),
    pytest.param("schema-misspelt-required", id="schema-misspelt-required-field"),
    pytest.param("schema-wrong-type", id="schema-wrong-type"),
    pytest.param("schema-bad-id", id="schema-bad-id-pattern"),
    pytest.param("schema-bad-key", id="schema-bad-id-as-key"),
    pytest.param("schema-http-link", id="schema-http-link"),
    pytest.param("schema-date", id="schema-date-instead-of-text"),
    # Reading the YAML.
    pytest.param("duplicate-key", id="duplicate-mapping-key"),
    pytest.param("invalid-yaml", id="invalid-yaml-syntax"),
    pytest.param("invalid-date", id="invalid-date-value"),
    pytest.param("recursive-alias", id="recursive-alias"),
    pytest.param("duplicate-anchor", id="duplicate-anchor"),
    pytest.param("empty", id="empty-file"),
    pytest.param("comments-only", id="comments-only-file"),
]


def make_content(folder: Path, policy: Path) -> Path:
    """Fill ``folder`` with ``policy`` and the real schemas and interface; return it."""
    for name in SHARED_FILES:
        shutil.copyfile(CONTENT_DIR / name, folder / name)
    shutil.copyfile(policy, folder / "policy.yaml")
    return folder


def expected_lines(case: str) -> list[str]:
    return (BROKEN / f"{case}.expected").read_text(encoding="utf-8").splitlines()


def problems_found(count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''} found"


@pytest.fixture
def check(tmp_path, monkeypatch, capsys):
    """Run ``check`` in-process on a content folder; return (exit status, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)  # the CLI prints paths relative to the working folder

    def run(folder: Path) -> tuple[int, str, str]:
        status = main(["check", "--content", str(folder)])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_every_broken_fixture_is_a_case():
    names = {param.values[0] for param in CASES}
    assert {path.stem for path in BROKEN.glob("*.yaml")} == names
    assert {path.stem for path in BROKEN.glob("*.expected")} == names


@pytest.mark.parametrize("case", CASES)
def test_check_rejects(case, tmp_path, check):
    expected = expected_lines(case)
    assert expected, f"{case}.expected is empty"

    status, out, err = check(make_content(tmp_path, BROKEN / f"{case}.yaml"))

    assert "Traceback" not in out + err
    assert status == 1
    assert out == ""
    assert err.splitlines() == [*expected, problems_found(len(expected))]


def test_toy_policy_is_proven(tmp_path, check):
    status, out, err = check(make_content(tmp_path, TOY_POLICY))

    assert (status, err) == (0, "")
    assert out == (
        "policy.yaml: 4 scenarios, 2 outcomes, 6 answer combinations: complete and unambiguous; "
        "the finder agrees on every combination (9 pages, at most 2 questions)\n"
    )


def test_real_content_is_proven(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)

    status = main(["check", "--content", str(CONTENT_DIR)])

    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert out.startswith("content/policy.yaml: ")
    assert "complete and unambiguous" in out


# Content folders that are not even complete: the check says so instead of crashing.


def test_missing_folder(tmp_path, check):
    status, out, err = check(tmp_path / "missing")

    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "missing/policy.yaml: error: file not found",
        "missing/interface.yaml: error: file not found",
        problems_found(2),
    ]


def test_content_given_as_a_file(tmp_path, check):
    shutil.copyfile(TOY_POLICY, tmp_path / "policy.yaml")

    status, out, err = check(tmp_path / "policy.yaml")

    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "policy.yaml/policy.yaml: error: cannot read the file (Not a directory)",
        "policy.yaml/interface.yaml: error: cannot read the file (Not a directory)",
        problems_found(2),
    ]


def test_missing_schema(tmp_path, check):
    folder = make_content(tmp_path, TOY_POLICY)
    (folder / "policy.schema.json").unlink()

    status, out, err = check(folder)

    assert (status, out) == (1, "")
    assert err.splitlines() == ["policy.schema.json: error: file not found", problems_found(1)]


def test_invalid_schema(tmp_path, check):
    folder = make_content(tmp_path, TOY_POLICY)
    (folder / "interface.schema.json").write_text('{\n  "type": "object",\n}\n', encoding="utf-8")

    status, out, err = check(folder)

    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "interface.schema.json:3:1: error: invalid JSON: Expecting property name enclosed in double quotes",
        problems_found(1),
    ]


# The real command, as editors and CI run it.


def run_module(args: list[str], cwd: Path, hash_seed: str = "0") -> subprocess.CompletedProcess[str]:
    python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": python_path, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_command_rejects_broken_content(tmp_path):
    # Two problems at the same place: their order must not depend on the hash seed.
    case = "schema-missing-fields"
    make_content(tmp_path, BROKEN / f"{case}.yaml")
    expected = [*expected_lines(case), problems_found(2)]

    for hash_seed in ("0", "1", "2"):
        result = run_module(["check", "--content", "."], tmp_path, hash_seed)

        assert "Traceback" not in result.stdout + result.stderr
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr.splitlines() == expected


def test_command_proves_real_content():
    result = run_module(["check", "--content", "content"], ROOT)

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("content/policy.yaml: ")
    assert "complete and unambiguous" in result.stdout
