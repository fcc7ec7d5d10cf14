"""What the check remembers between two checks never hides a problem: a changed value is checked again.

The schema check skips a list item equal to one it found valid before (the
preview checks the whole policy after each edit, and most of it is as it
was), and the YAML reader pauses Python's cycle collector while it builds a
document. These tests hold both to what they promise: an unchanged item is
not checked again, a changed one always is, whatever it changed to, and the
collector is running again after any read.
"""

from __future__ import annotations

import copy
import datetime
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.content import schema
from generator.content.load import Document, parse_document

ROOT = Path(__file__).resolve().parent.parent
POLICY = ROOT / "content" / "policy.yaml"
POLICY_SCHEMA = ROOT / "content" / "policy.schema.json"


def policy_document(edit: Any = None) -> Document:
    """The real policy, with ``edit(data)`` applied to its data (positions as read)."""
    document, problems = parse_document(POLICY.read_text(encoding="utf-8"), "content/policy.yaml")
    assert document is not None, problems
    if edit is None:
        return document
    data = copy.deepcopy(document.data)
    edit(data)
    return Document(document.file, data, document.positions, document.key_positions, {}, document.lines)


@pytest.fixture(autouse=True)
def forgotten() -> Iterator[None]:
    """Each test starts with nothing remembered, and leaves nothing behind."""
    schema._valid_items.clear()
    yield
    schema._valid_items.clear()


@pytest.fixture
def checked_items(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The id of each question and outcome the schema check descends into, as it does."""
    seen: list[str] = []
    descend = schema._Validator.descend

    def counting(self: Any, instance: Any, schema: Any, path: Any = None, schema_path: Any = None) -> Any:
        if isinstance(path, int) and isinstance(instance, dict) and ("answers" in instance or "title" in instance):
            seen.append(str(instance.get("id")))
        return descend(self, instance, schema, path, schema_path)

    monkeypatch.setattr(schema._Validator, "descend", counting)
    return seen


def messages(document: Document) -> list[str]:
    return [str(problem) for problem in schema.validate_against_schema(document, POLICY_SCHEMA)]


def retitle(outcome: str, title: Any) -> Any:
    def edit(data: dict[str, Any]) -> None:
        next(item for item in data["outcomes"] if item["id"] == outcome)["title"] = title

    return edit


def test_an_unchanged_item_is_not_checked_again(checked_items: list[str]) -> None:
    assert messages(policy_document()) == []
    first = list(checked_items)
    checked_items.clear()

    assert messages(policy_document(retitle("free-return", "A free return, edited"))) == []

    assert "free-return" in first
    assert checked_items == ["free-return"], "only the edited outcome is checked again"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(None, "outcomes[free-return].title must be text, not empty", id="emptied"),
        pytest.param(2, "outcomes[free-return].title must be text, not the number 2", id="a-number"),
        pytest.param(True, "outcomes[free-return].title must be text, not true/false", id="true-false"),
        pytest.param(["a"], "outcomes[free-return].title must be text, not a list", id="a-list"),
    ],
)
def test_an_item_found_valid_once_is_checked_again_once_changed(title: Any, expected: str) -> None:
    assert messages(policy_document()) == []

    found = messages(policy_document(retitle("free-return", title)))

    assert len(found) == 1
    assert found[0].endswith(f"error: {expected}")


@pytest.mark.parametrize(
    ("valid", "broken"),
    [
        pytest.param("2024-01-31", datetime.date(2024, 1, 31), id="a-text-then-a-date"),
        pytest.param("1", 1, id="a-text-then-a-whole-number"),
        pytest.param("1.0", 1.0, id="a-text-then-a-decimal-number"),
        pytest.param("True", True, id="a-text-then-true"),
    ],
)
def test_a_value_that_reads_alike_is_not_taken_for_one_found_valid(valid: str, broken: Any) -> None:
    assert messages(policy_document(retitle("free-return", valid))) == []

    found = messages(policy_document(retitle("free-return", broken)))

    assert [line.split(": error: ")[1].split(",")[0] for line in found] == ["outcomes[free-return].title must be text"]


def test_a_problem_is_found_every_time_it_is_there() -> None:
    broken = policy_document(retitle("free-return", 7))

    assert messages(broken) == messages(broken)
    assert len(messages(broken)) == 1


def test_the_items_remembered_start_afresh_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "VALID_ITEMS_LIMIT", 3)
    monkeypatch.setattr(schema, "_remembered", 0)

    assert messages(policy_document()) == []
    assert sum(len(items) for _, items in schema._valid_items.values()) <= 3
    assert messages(policy_document(retitle("free-return", 7)))[0].endswith("title must be text, not the number 7")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a: b\n", id="sound"),
        pytest.param("a: [b\n", id="broken"),
        pytest.param("a: &x [*x]\n", id="an-alias-to-itself"),
    ],
)
@pytest.mark.parametrize("enabled", [pytest.param(True, id="collector-on"), pytest.param(False, id="collector-off")])
def test_reading_leaves_the_cycle_collector_as_it_found_it(text: str, enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        parse_document(text, "file.yaml")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
