"""What the check remembers between two checks never hides a problem: a changed value is checked again.

The preview checks the whole content after each edit, and most of it is as it
was. A file whose text has not changed gives the document read before, a
document found valid against a schema is not checked against it again, and
the schema check skips a list item equal to one it found valid before. The
YAML reader also pauses Python's cycle collector while it builds a document,
and a catalog whose every line is sound is taken whole, at C speed.
These tests hold each to what it promises: what is unchanged is not read or
checked again, what changed always is, whatever it changed to, nothing with
a problem is ever remembered, and the collector is running again after any
read.
"""

from __future__ import annotations

import copy
import datetime
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content import load, schema
from generator.content.load import Document, load_document, parse_document
from generator.i18n import catalogs

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
    for remembered in (schema._valid_items, schema._valid_documents, load._last_read):
        remembered.clear()
    yield
    for remembered in (schema._valid_items, schema._valid_documents, load._last_read):
        remembered.clear()


def calls_of(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[Any]:
    """The first argument of each call of ``module.name`` from now on; the function still does its work."""
    seen: list[Any] = []
    function = getattr(module, name)

    def recording(first: Any, *rest: Any) -> Any:
        seen.append(first)
        return function(first, *rest)

    monkeypatch.setattr(module, name, recording)
    return seen


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of each file the reader parses, as it parses it."""
    return calls_of(monkeypatch, load, "parse_document")


@pytest.fixture
def validated(monkeypatch: pytest.MonkeyPatch) -> list[Document]:
    """Each document the schema check goes through, as it does."""
    return calls_of(monkeypatch, schema, "_validate")


def test_a_file_read_again_unchanged_is_not_parsed_again(tmp_path: Path, parsed: list[str]) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("id: a\n", encoding="utf-8")

    first, _ = load_document(path)
    again, problems = load_document(path)

    assert again is first
    assert problems == []
    assert parsed == ["id: a\n"]


@pytest.mark.parametrize(
    ("edited", "expected"),
    [
        pytest.param("id: b\n", {"id": "b"}, id="a-value"),
        pytest.param("id: a \n", {"id": "a"}, id="a-space-only"),
        pytest.param("id: a\nx: 1\n", {"id": "a", "x": 1}, id="a-key-added"),
    ],
)
def test_a_file_whose_text_changed_is_parsed_again(
    tmp_path: Path, parsed: list[str], edited: str, expected: dict[str, Any]
) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("id: a\n", encoding="utf-8")
    first, _ = load_document(path)
    path.write_text(edited, encoding="utf-8")

    document, problems = load_document(path)

    assert document is not first
    assert document is not None
    assert document.data == expected
    assert problems == []
    assert parsed == ["id: a\n", edited]


def test_a_file_with_a_problem_is_never_remembered(tmp_path: Path, parsed: list[str]) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("id: a\nid: b\n", encoding="utf-8")

    found = [load_document(path) for _ in range(2)]

    assert [len(problems) for _, problems in found] == [1, 1]
    assert "given twice" in str(found[1][1][0])
    assert len(parsed) == 2


def test_the_same_text_in_another_file_is_that_file_s_own(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("id: a\n", encoding="utf-8")

    first, _ = load_document(tmp_path / "a.yaml")
    second, _ = load_document(tmp_path / "b.yaml")

    assert first is not None
    assert second is not None
    assert first is not second
    assert (first.file, second.file) == (str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    assert second.position(("id",)).file == second.file


def test_the_documents_remembered_are_the_latest(
    tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "LAST_READ_DOCUMENTS", 1)
    (tmp_path / "a.yaml").write_text("id: a\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("id: b\n", encoding="utf-8")

    for name in ("a.yaml", "b.yaml", "b.yaml", "a.yaml"):
        load_document(tmp_path / name)

    assert parsed == ["id: a\n", "id: b\n", "id: a\n"]


def test_a_file_edited_again_and_again_is_remembered_in_its_latest_version_only(
    tmp_path: Path, parsed: list[str], validated: list[Document]
) -> None:
    """A preview edited for an hour keeps one document per file, not one per edit (and a large policy's is large)."""
    path = tmp_path / "policy.yaml"
    versions = [POLICY.read_text(encoding="utf-8").replace("value: UPS", f"value: Carrier {n}") for n in range(3)]
    for text in [*versions, versions[0]]:
        path.write_text(text, encoding="utf-8")
        document, problems = load_document(path)
        assert document is not None, problems
        assert schema.validate_against_schema(document, POLICY_SCHEMA) == []

    assert parsed == [*versions, versions[0]], "the first version was forgotten once the file was edited"
    assert len(validated) == 4
    assert [key[0] for key in load._last_read] == [str(path)]
    assert [kept.file for kept, _ in schema._valid_documents.values()] == [str(path)]


def test_a_document_found_valid_is_not_checked_again(validated: list[Document]) -> None:
    document = policy_document()

    assert messages(document) == messages(document) == []
    assert validated == [document]


def test_a_document_is_checked_again_against_an_edited_schema(tmp_path: Path, validated: list[Document]) -> None:
    edited = tmp_path / "policy.schema.json"
    edited.write_text(POLICY_SCHEMA.read_text(encoding="utf-8").replace('"minLength": 1', '"minLength": 500'))
    document = policy_document()
    assert messages(document) == []

    found = [str(problem) for problem in schema.validate_against_schema(document, edited)]

    assert validated == [document, document]
    assert found, "the edited schema asks for longer texts than the policy's"


def test_a_document_with_a_problem_is_checked_every_time(validated: list[Document]) -> None:
    broken = policy_document(retitle("free-return", 7))

    assert messages(broken) == messages(broken)
    assert len(messages(broken)) == 1
    assert validated == [broken, broken, broken]


@pytest.fixture
def checked_items(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The id of each question and outcome jsonschema descends into, as it does (it checks a document with a
    problem: a valid one is found valid without it)."""
    seen: list[str] = []
    descend = schema.validator_class().descend

    def counting(self: Any, instance: Any, schema: Any, path: Any = None, schema_path: Any = None) -> Any:
        if isinstance(path, int) and isinstance(instance, dict) and ("answers" in instance or "title" in instance):
            seen.append(str(instance.get("id")))
        return descend(self, instance, schema, path, schema_path)

    monkeypatch.setattr(schema.validator_class(), "descend", counting)
    return seen


def messages(document: Document) -> list[str]:
    return [str(problem) for problem in schema.validate_against_schema(document, POLICY_SCHEMA)]


def retitle(outcome: str, title: Any, *, broken: bool = False) -> Any:
    """Give the outcome ``outcome`` the title ``title``; ``broken``: and add a field the policy may not have."""

    def edit(data: dict[str, Any]) -> None:
        next(item for item in data["outcomes"] if item["id"] == outcome)["title"] = title
        if broken:
            data["unknown"] = 1

    return edit


def test_an_unchanged_item_is_not_checked_again(checked_items: list[str]) -> None:
    unknown = "unknown field 'unknown' in the top level"
    assert [
        line.split(": error: ")[1] for line in messages(policy_document(retitle("free-return", "A", broken=True)))
    ] == [unknown]
    first = list(checked_items)
    checked_items.clear()

    found = messages(policy_document(retitle("free-return", "A free return, edited", broken=True)))

    assert [line.split(": error: ")[1] for line in found] == [unknown]
    assert "free-return" in first
    assert checked_items == ["free-return"], "only the edited outcome is checked again"


def test_a_valid_document_is_found_valid_without_jsonschema(checked_items: list[str]) -> None:
    assert messages(policy_document(retitle("free-return", "A free return, edited"))) == []

    assert checked_items == []


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

    assert len(messages(policy_document(retitle("free-return", "A", broken=True)))) == 1
    assert 0 < sum(len(items) for _, items in schema._valid_items.values()) <= 3
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


#: Pieces of PO lines, sound and broken, for the whole-file check to take apart.
_PO_PIECES = [
    "",
    " ",
    "\t",
    "\r",
    "\x0b",
    "#",
    "#~",
    "#~|",
    "#,",
    "msgid",
    "msgstr[0]",
    "msgctxt",
    '"',
    '\\"',
    "\\",
    "a",
]


@settings(max_examples=3000, deadline=None)  # no timed test: a busy machine is no failure
@given(st.lists(st.lists(st.sampled_from(_PO_PIECES), max_size=6).map(" ".join), max_size=8).map("\n".join))
def test_a_catalog_taken_whole_has_no_line_the_line_check_refuses(text: str) -> None:
    if catalogs._SOUND_FILE.fullmatch(text):
        assert [line for line in text.split("\n") if not catalogs._PO_LINE.fullmatch(line.strip())] == []
    assert (catalogs._malformed_line(text) is None) == all(
        catalogs._PO_LINE.fullmatch(line.strip()) for line in text.split("\n")
    )


@pytest.mark.parametrize(
    "name", [pytest.param(path.name, id=path.name) for path in sorted((ROOT / "content" / "locales").iterdir())]
)
def test_every_real_catalog_is_taken_whole(name: str) -> None:
    assert catalogs._SOUND_FILE.fullmatch((ROOT / "content" / "locales" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(path, id=path.relative_to(ROOT).as_posix())
        for path in sorted(
            [
                ROOT / "content" / "policy.yaml",
                *(ROOT / "examples" / "help-center").glob("policy.yaml"),
                *(ROOT / "examples" / "help-center" / "policies").glob("*.yaml"),
            ]
        )
    ],
)
def test_a_glance_at_another_policy_finds_the_pages_a_whole_read_finds(path: Path) -> None:
    from generator.helpcenter.policies import loose_targets, skimmed_targets

    document, problems = load_document(path)
    assert document is not None, problems

    found = skimmed_targets(load.skim_ids(path))

    assert found == loose_targets(document.data)
    assert f"{document.data['id']}/article" in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("id: a\noutcomes: [{id: b}]\n", {"a/article", "a/finder", "a/outcome:b"}, id="a-policy"),
        pytest.param("id: a\noutcomes: {b: c}\n", {"a/article", "a/finder"}, id="outcomes-not-a-list"),
        pytest.param("id: 3\noutcomes: [{id: b}]\n", set(), id="no-id"),
        pytest.param("id: a\noutcomes: [\n", set(), id="unparsable"),
    ],
)
def test_a_glance_finds_only_what_names_a_page(tmp_path: Path, text: str, expected: set[str]) -> None:
    from generator.helpcenter.policies import skimmed_targets

    (tmp_path / "policy.yaml").write_text(text, encoding="utf-8")

    assert skimmed_targets(load.skim_ids(tmp_path / "policy.yaml")) == expected


@pytest.mark.parametrize(
    "folder",
    [pytest.param(ROOT / "content", id="sound"), pytest.param(ROOT / "tests" / "fixtures", id="no-content-there")],
)
@pytest.mark.parametrize("enabled", [pytest.param(True, id="collector-on"), pytest.param(False, id="collector-off")])
def test_a_check_leaves_the_cycle_collector_as_it_found_it(folder: Path, enabled: bool) -> None:
    from generator.helpcenter.folder import check_content, check_policy_file

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        check_content(folder)
        assert gc.isenabled() is enabled
        check_policy_file(folder, folder / "policy.yaml")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
