"""What `diff` counts and what it takes for a rename, on small edits of the toy policy.

The toy policy asks 'size' (small, large) and 'damage' (none, minor, major):
6 answer combinations, 4 scenarios, outcomes 'refund' and 'repair'. Each case
edits it the way an editor would; every expected number is worked out by hand
in the case's comment, never by the code under test.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.model import Policy
from generator.helpcenter.compare import compare, find_renames
from generator.helpcenter.folder import load_content

ROOT = Path(__file__).resolve().parent.parent
TOY_POLICY = ROOT / "tests" / "fixtures" / "toy" / "policy.yaml"

Edit = Callable[[dict[str, Any]], None]


def toy() -> dict[str, Any]:
    return yaml.safe_load(TOY_POLICY.read_text(encoding="utf-8"))


def content_of(folder: Path, data: dict[str, Any]):
    folder.mkdir()
    for name in ("policy.schema.json", "help-center.schema.json", "interface.schema.json", "interface.yaml"):
        shutil.copyfile(ROOT / "content" / name, folder / name)
    shutil.copyfile(TOY_POLICY.with_name("help-center.yaml"), folder / "help-center.yaml")
    (folder / "policy.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return load_content(folder)


def question(data: dict[str, Any], question_id: str) -> dict[str, Any]:
    return next(q for q in data["questions"] if q["id"] == question_id)


def scenario(data: dict[str, Any], scenario_id: str) -> dict[str, Any]:
    return next(s for s in data["scenarios"] if s["id"] == scenario_id)


def add_lost_answer(data: dict[str, Any]) -> None:
    question(data, "damage")["answers"].append({"id": "lost", "text": "Lost on the way"})
    scenario(data, "small-broken")["when"]["damage"].append("lost")
    scenario(data, "large-damaged")["when"]["damage"].append("lost")


def remove_minor_answer(data: dict[str, Any]) -> None:
    question(data, "damage")["answers"] = [a for a in question(data, "damage")["answers"] if a["id"] != "minor"]
    for item in data["scenarios"]:
        item["when"]["damage"] = [a for a in item["when"]["damage"] if a != "minor"]


def rename_minor_answer(data: dict[str, Any]) -> None:
    question(data, "damage")["answers"][1]["id"] = "slight"  # same words: "A little"
    for item in data["scenarios"]:
        item["when"]["damage"] = ["slight" if a == "minor" else a for a in item["when"]["damage"]]


def merge_minor_and_major(data: dict[str, Any]) -> None:
    """Old 'minor' and 'major' both read "Damaged"; the new 'damaged' reads the same: no rename can be told."""
    question(data, "damage")["answers"][1:] = [{"id": "damaged", "text": "Damaged"}]
    for item in data["scenarios"]:
        item["when"]["damage"] = list(dict.fromkeys("damaged" if a != "none" else a for a in item["when"]["damage"]))
    data["scenarios"] = [s for s in data["scenarios"] if s["id"] != "small-broken"]
    scenario(data, "small-fine")["when"]["damage"] = ["none", "damaged"]


def same_words_for_minor_and_major(data: dict[str, Any]) -> None:
    question(data, "damage")["answers"][1]["text"] = "Damaged"
    question(data, "damage")["answers"][2]["text"] = "Damaged"


def add_lost_question(data: dict[str, Any]) -> None:
    data["questions"].append(
        {
            "id": "lost",
            "text": "Was the parcel lost?",
            "answers": [{"id": "yes-lost", "text": "It was lost"}, {"id": "not-lost", "text": "It arrived"}],
        }
    )
    for item in data["scenarios"]:
        item["when"]["lost"] = ["not-lost"]
    data["scenarios"].append(
        {"id": "lost-parcel", "when": {"lost": ["yes-lost"]}, "outcome": "refund", "situation": "."}
    )


def remove_damage_question(data: dict[str, Any]) -> None:
    data["questions"] = [q for q in data["questions"] if q["id"] != "damage"]
    data["scenarios"] = [
        {**scenario(data, "small-fine"), "when": {"size": ["small"]}},
        {**scenario(data, "large-damaged"), "when": {"size": ["large"]}},
    ]


def rename_repair_outcome(data: dict[str, Any]) -> None:
    for item in data["outcomes"]:
        if item["id"] == "repair":
            item["id"] = "mend"  # same title
    for item in data["scenarios"]:
        if item["outcome"] == "repair":
            item["outcome"] = "mend"


def add_replace_outcome(data: dict[str, Any]) -> None:
    data["outcomes"].append({"id": "replace", "title": "We replace it", "summary": "A new one.", "body": ["New."]})
    scenario(data, "small-broken")["outcome"] = "replace"


def rename_size_question(data: dict[str, Any]) -> None:
    question(data, "size")["id"] = "parcel"  # same words
    question(data, "damage")["follows"] = ["parcel"]
    for item in data["scenarios"]:
        item["when"] = {("parcel" if key == "size" else key): value for key, value in item["when"].items()}


# (old edit, new edit, expected: renamed, added, removed, (combinations, only_old, only_new), outcome changes)
CASES = [
    pytest.param(
        None, add_lost_answer,
        {}, {"answers": ["damage=lost"]}, {},
        (6, 0, 2),  # the 6 old combinations; 'lost' × 2 sizes only in the new version
        [],  # old customers keep their outcome
        id="answer-added",
    ),
    pytest.param(
        None, remove_minor_answer,
        {}, {}, {"answers": ["damage=minor"]},
        (4, 2, 0),  # 2 sizes × (none, major) in both; 'minor' × 2 sizes only in the old version
        [],
        id="answer-removed",
    ),
    pytest.param(
        None, rename_minor_answer,
        {"answers": ["damage=minor → slight"]}, {}, {},
        (6, 0, 0),
        [],
        id="answer-renamed",
    ),
    pytest.param(
        same_words_for_minor_and_major, merge_minor_and_major,
        {}, {"answers": ["damage=damaged"]}, {"answers": ["damage=minor", "damage=major"], "scenarios": ["small-broken"]},
        # both: 2 sizes × none; old only: 2 sizes × (minor, major); new only: 2 sizes × damaged
        (2, 4, 2),
        [],
        id="two-removed-with-the-words-of-one-added-are-no-rename",
    ),
    pytest.param(
        None, add_lost_question,
        {}, {"questions": ["lost"], "answers": ["lost=yes-lost", "lost=not-lost"], "scenarios": ["lost-parcel"]}, {},
        (12, 0, 0),  # the old version takes any answer to 'lost': 6 × 2 in both
        # lost=yes-lost now gets 'refund': of the 6, (small, major), (large, minor), (large, major) got 'repair'
        [("large-damaged", "lost-parcel", 2), ("small-broken", "lost-parcel", 1)],
        id="question-added",
    ),
    pytest.param(
        None, remove_damage_question,
        {}, {}, {"questions": ["damage"], "answers": ["damage=none", "damage=minor", "damage=major"],
                 "scenarios": ["small-broken", "large-fine"]},
        (6, 0, 0),  # the new version takes any answer to 'damage': 2 × 3 in both
        # (large, none): refund → repair; (small, major): repair → refund
        [("large-fine", "large-damaged", 1), ("small-broken", "small-fine", 1)],
        id="question-removed",
    ),
    pytest.param(
        None, rename_size_question,
        {"questions": ["size → parcel"]}, {}, {},
        (6, 0, 0),
        [],
        id="question-renamed",
    ),
    pytest.param(
        None, rename_repair_outcome,
        {"outcomes": ["repair → mend"]}, {}, {},
        (6, 0, 0),
        [],
        id="outcome-renamed",
    ),
    pytest.param(
        None, add_replace_outcome,
        {}, {"outcomes": ["replace"]}, {},
        (6, 0, 0),
        [("small-broken", "small-broken", 1)],  # (small, major): repair → replace
        id="outcome-added",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("old_edit", "new_edit", "renamed", "added", "removed", "counts", "changes"), CASES)
def test_diff_counts_what_an_edit_adds_removes_and_renames(
    tmp_path, old_edit, new_edit, renamed, added, removed, counts, changes
):
    old_data = toy()
    if old_edit:
        old_edit(old_data)
    new_data = copy.deepcopy(old_data)
    new_edit(new_data)

    [found] = compare(content_of(tmp_path / "old", old_data), content_of(tmp_path / "new", new_data)).policies

    assert found.renamed == renamed
    assert found.added == added
    assert found.removed == removed
    assert (found.combinations, found.only_old, found.only_new) == counts
    assert [(c.old_scenario, c.new_scenario, c.combinations) for c in found.outcome_changes] == changes


def ids_with_words(**kinds: dict[str, str]) -> Policy:
    """A policy reduced to what rename detection reads: questions (one answer list each) and outcomes."""
    data = toy()
    data["questions"] = [
        {"id": q, "text": words, "answers": [{"id": a, "text": a} for a in ("x", "y")]}
        for q, words in kinds.get("questions", {}).items()
    ]
    data["outcomes"] = [
        {"id": o, "title": words, "summary": ".", "body": ["."]} for o, words in kinds.get("outcomes", {}).items()
    ]
    return Policy.from_data(data)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param({"a": "A"}, {"b": "A"}, {"a": "b"}, id="one-removed-one-added-same-words"),
        pytest.param({"a": "A"}, {"b": "B"}, {}, id="other-words-are-no-rename"),
        pytest.param({"a": "A", "c": "A"}, {"b": "A"}, {}, id="two-removed-with-the-same-words-one-added"),
        pytest.param({"a": "A"}, {"b": "A", "c": "A"}, {}, id="one-removed-two-added-with-its-words"),
        pytest.param({"a": "A", "c": "C"}, {"b": "A"}, {"a": "b"}, id="two-removed-one-added-with-the-words-of-one"),
        pytest.param({"a": "A", "c": "C"}, {"b": "A", "d": "C"}, {"a": "b", "c": "d"}, id="two-renames"),
        pytest.param({"a": "A", "b": "B"}, {"a": "B", "b": "A"}, {}, id="words-swapped-between-kept-ids"),
    ],
)
@pytest.mark.parametrize("kind", ["questions", "outcomes"])
def test_a_rename_is_one_removed_id_and_one_added_with_the_same_words(kind, old, new, expected):
    found = find_renames(ids_with_words(**{kind: old}), ids_with_words(**{kind: new}))

    assert found[kind] == expected
    assert len(set(found[kind].values())) == len(found[kind]), "two old ids renamed to one"
