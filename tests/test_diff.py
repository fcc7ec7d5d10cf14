"""`python -m generator diff`: what an edit changes for customers, translators and finder links.

Each test edits a copy of the project and compares it with the original,
given as a folder or as a git revision; the expected lines are written by
hand from the edit.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from support import add_belgian_market, add_british_market, add_question_in_front, edit_file
from support import run_cli as run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def before(project: Path, tmp_path: Path) -> Path:
    """The content as it was, in a folder of its own."""
    folder = tmp_path / "before"
    shutil.copytree(project / "content", folder)
    return folder


def edit(project: Path, old: str, new: str) -> None:
    policy = project / "content/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert old in text
    policy.write_text(text.replace(old, new, 1), encoding="utf-8")


REROUTE = (
    "      reason: [changed-mind]\n    outcome: prepaid-label",
    "      reason: [changed-mind]\n    outcome: contact-support",
)


def test_a_rerouted_scenario_is_named_with_both_outcomes(capsys, project, before):
    edit(project, *REROUTE)

    status, out, err = run(capsys, "diff", str(before))

    assert (status, err) == (0, "")
    assert out.splitlines()[2:4] == [
        "Customers who now get another outcome: 4 answer combinations of the 60 both versions decide:",
        "  - reason=changed-mind when device-status is not-flagged or status-unknown (any effort): "
        "prepaid-label → contact-support (4 answer combinations; scenario changed-mind)",
    ]
    assert "Finder addresses" not in out  # the same questions, the same addresses


def test_a_reworded_text_names_the_translations_it_makes_stale(capsys, project, before):
    edit(project, "title: The refurbisher sends your device back for free", "title: Free return")

    status, out, _ = run(capsys, "diff", str(before), "--format", "json")

    assert status == 0
    everything = json.loads(out)
    found = everything["policies"][0]
    assert (found["id"], everything["texts"]) == ("trade-in", [])
    assert found["outcome_changes"] == []
    assert found["texts"] == [
        {
            "context": "trade-in/outcomes/free-return/title",
            "old": "The refurbisher sends your device back for free",
            "new": "Free return",
        }
    ]
    assert everything["stale"] == {
        tag: ["trade-in/outcomes/free-return/title"] for tag in ["fr-FR", "de-DE", "es-ES", "it-IT"]
    }


def test_a_question_in_front_retires_every_finder_address_and_says_where_each_leads(capsys, project, before):
    add_question_in_front(project)

    status, out, _ = run(capsys, "diff", str(before), "--format", "json")

    assert status == 0
    found = json.loads(out)["policies"][0]
    assert found["added"] == {
        "questions": ["channel"],
        "answers": ["channel=online", "channel=shop"],
        "scenarios": ["shop"],
    }
    retired = {moved["old"]: moved["target"] for moved in found["retired"]}
    # Every page below the finder's start moved one level down; the start itself stays.
    assert len(retired) == 24
    assert "finder" not in retired
    # The old answers do not say where the device was traded in: that question is where they now lead.
    assert set(retired.values()) == {"finder"}
    assert "finder/online/not-flagged/accounts" in found["new_addresses"]
    # Customers who traded in a shop were not asked before; they now go to Customer Care, which only the 4
    # combinations of 'other-reason' did already: 60 - 4 of the 120 combinations move.
    changes = found["outcome_changes"]
    assert {(change["answers"][: len("channel=shop")], change["new_outcome"]) for change in changes} == {
        ("channel=shop", "contact-support")
    }
    assert sum(change["combinations"] for change in changes) == 56
    assert found["combinations"] == 120


def test_diff_reads_a_git_revision(capsys, project):
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "content"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Policy"], cwd=project, check=True)
    edit(project, *REROUTE)

    status, out, err = run(capsys, "diff", "--format", "markdown")

    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "## What content changes, compared with HEAD"
    assert "- `reason=changed-mind when device-status is not-flagged or status-unknown (any effort)`: " in out


def test_a_broken_old_revision_is_reported_with_its_name(capsys, project):
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    edit(project, "outcome: free-return", "outcome: free-retrun")
    subprocess.run([*git, "add", "content"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Broken"], cwd=project, check=True)

    status, out, err = run(capsys, "diff")

    assert (status, out) == (1, "")
    assert err.startswith("HEAD:content/policy.yaml:")
    assert "free-retrun" in err


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        pytest.param(
            "no-such-revision", "error: no-such-revision: not a folder, nor a revision git knows;", id="unknown"
        ),
        pytest.param("docs", "error: docs: a folder, but neither a content folder", id="folder-without-content"),
    ],
)
def test_a_version_that_cannot_be_read_says_why(capsys, project, spec, message):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)

    status, out, err = run(capsys, "diff", spec)

    assert (status, out) == (1, "")
    assert err.startswith(message)


@pytest.mark.parametrize(
    ("edits", "renamed"),
    [
        pytest.param(
            [("- id: tried\n", "- id: made-attempt\n"), ("effort: [tried]", "effort: [made-attempt]")],
            {"answers": ["effort=tried → made-attempt"]},
            id="answer",
        ),
        pytest.param(
            [("- id: effort\n", "- id: attempt\n"), ("effort: [", "attempt: [")],
            {"questions": ["effort → attempt"]},
            id="question",
        ),
        pytest.param(
            [("- id: prepaid-label\n", "- id: customer-label\n"), ("outcome: prepaid-label", "outcome: customer-label"),
             ("outcome:prepaid-label", "outcome:customer-label")],
            {"outcomes": ["prepaid-label → customer-label"]},
            id="outcome",
        ),
    ],
)  # fmt: skip
def test_a_renamed_id_is_a_rename_not_customers_moving(capsys, project, before, edits, renamed):
    edit(project, *REROUTE)  # one real change, which must keep its true size
    policy = project / "content/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    policy.write_text(text, encoding="utf-8")

    status, out, _ = run(capsys, "diff", str(before), "--format", "json")

    assert status == 0
    found = json.loads(out)["policies"][0]
    assert found["renamed"] == renamed
    assert (found["combinations"], found["only_old"], found["only_new"]) == (60, 0, 0)
    assert [(c["old_scenario"], c["combinations"]) for c in found["outcome_changes"]] == [("changed-mind", 4)]
    assert found["added"] == found["removed"] == {}


def test_a_new_text_is_listed_as_to_translate_in_every_locale(capsys, project, before):
    edit(project, "  - id: effort\n", "  - id: effort\n    hint: Think of the help you asked for.\n")

    status, out, _ = run(capsys, "diff", str(before))

    assert status == 0
    assert "New texts to translate:" in out
    for tag in ["fr-FR", "de-DE", "es-ES", "it-IT"]:
        assert f"  - {tag}: 1 (trade-in/questions/effort/hint)" in out


FREE_RETURN = "trade-in/outcomes/free-return/title"


@pytest.mark.parametrize(
    ("variant", "market", "add_market"),
    [
        pytest.param("fr-BE", "be", add_belgian_market, id="a-variant-of-a-translated-language"),
        pytest.param("en-GB", "gb", add_british_market, id="a-variant-of-the-source-language"),
    ],
)
def test_a_reworded_text_names_the_stale_override_of_a_variant(capsys, project, tmp_path, variant, market, add_market):
    add_market(project / "content")
    assert run(capsys, "i18n", "add", variant, "--market", market)[0] == 0
    assert run(capsys, "i18n", "override", variant, FREE_RETURN)[0] == 0
    edit_file(  # the variant's own wording
        project / f"content/locales/{variant}.po",
        'msgid "The refurbisher sends your device back for free"\nmsgstr "',
        'msgid "The refurbisher sends your device back for free"\nmsgstr "Own: ',
    )
    shutil.copytree(project / "content", tmp_path / "before")
    edit(project, "title: The refurbisher sends your device back for free", "title: Free return")

    status, out, _ = run(capsys, "diff", str(tmp_path / "before"), "--format", "json")

    assert status == 0
    assert json.loads(out)["stale"] == {tag: [FREE_RETURN] for tag in ["fr-FR", "de-DE", "es-ES", "it-IT", variant]}
