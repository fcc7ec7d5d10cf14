"""A document is found valid without jsonschema exactly when jsonschema finds it valid.

:func:`generator.content.schema_subset.surely_valid` answers ``True`` only for
a valid document, and jsonschema checks every other one and says its problems;
so the check's problems are the ones jsonschema finds. Each case below is
written by hand and held to jsonschema too (the check's own extension of it:
a ``pattern``'s ``$`` is the end of the text). Then the real content files, each
changed at random in one place, are held to jsonschema's verdict.
"""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content import schema
from generator.content.load import load_document
from generator.content.schema_subset import surely_valid

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"


def jsonschema_finds_valid(data: Any, schema_value: Any) -> bool:
    return bool(schema.validator_class()(schema_value).is_valid(data))


TREE = {
    "$defs": {
        "node": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id"],
            "properties": {"id": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}},
        }
    },
    "$ref": "#/$defs/node",
}
LIST = {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": "string"}}
WORD = {"type": "string", "minLength": 2, "maxLength": 3, "pattern": "^a"}
KEYS = {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}, "additionalProperties": {"type": "integer"}}

#: (schema, document, whether it is valid), each valid case beside a broken one.
CASES = [
    pytest.param({"type": "string"}, "a", True, id="text-is-text"),
    pytest.param({"type": "string"}, 1, False, id="a-number-is-not-text"),
    pytest.param({"type": "string"}, datetime.date(2024, 1, 31), False, id="a-date-is-not-text"),
    pytest.param({"type": "integer"}, 2.0, True, id="two-point-zero-is-whole"),
    pytest.param({"type": "integer"}, 2.5, False, id="two-and-a-half-is-not-whole"),
    pytest.param({"type": "integer"}, True, False, id="true-is-no-whole-number"),
    pytest.param({"type": "number"}, True, False, id="true-is-no-number"),
    pytest.param({"type": ["string", "null"]}, None, True, id="one-of-two-types"),
    pytest.param({"type": ["string", "null"]}, [], False, id="none-of-two-types"),
    pytest.param({"type": "object", "required": ["id"]}, {"id": 1}, True, id="required-there"),
    pytest.param({"type": "object", "required": ["id"]}, {"ID": 1}, False, id="required-missing"),
    pytest.param({"required": ["id"]}, "text", True, id="required-of-no-mapping"),
    pytest.param(
        {"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"a": "x"}, True, id="known-field"
    ),
    pytest.param(
        {"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"b": "x"}, False, id="unknown-field"
    ),
    pytest.param({"properties": {"a": {"type": "string"}}}, {"a": 1}, False, id="a-field-of-the-wrong-type"),
    pytest.param(KEYS, {"ab": 1}, True, id="keys-and-values"),
    pytest.param(KEYS, {"Ab": 1}, False, id="a-key-that-does-not-match"),
    pytest.param(KEYS, {"ab": "1"}, False, id="another-value-of-the-wrong-type"),
    pytest.param({"pattern": "^[a-z]+$"}, "tried", True, id="a-pattern-matched"),
    pytest.param({"pattern": "^[a-z]+$"}, "tried\n", False, id="a-pattern-before-a-line-break"),
    pytest.param({"pattern": "^[a-z]+$"}, 7, True, id="a-pattern-of-no-text"),
    pytest.param({"enum": ["a", "b"]}, "b", True, id="one-of-the-choices"),
    pytest.param({"enum": ["a", "b"]}, "c", False, id="none-of-the-choices"),
    pytest.param({"enum": ["True"]}, True, False, id="true-is-not-the-text-true"),
    pytest.param({"minLength": 1}, "", False, id="an-empty-text"),
    pytest.param({"minItems": 1, "maxItems": 2}, [1, 2], True, id="a-list-within-its-sizes"),
    pytest.param({"minItems": 1}, [], False, id="an-empty-list"),
    pytest.param({"maxItems": 2}, [1, 2, 3], False, id="a-list-too-long"),
    pytest.param({"minProperties": 1}, {}, False, id="an-empty-mapping"),
    pytest.param({"maxLength": 2, "maxProperties": 1}, {"a": 1}, True, id="bounds-of-other-kinds"),
    pytest.param({"minimum": 0, "maximum": 10}, 10, True, id="a-number-at-its-bound"),
    pytest.param({"minimum": 0}, -1, False, id="a-number-below-its-minimum"),
    pytest.param({"maximum": 10}, 10.5, False, id="a-number-above-its-maximum"),
    pytest.param({"exclusiveMinimum": 0}, 0, False, id="a-number-at-an-exclusive-minimum"),
    pytest.param({"exclusiveMaximum": 1}, 0.5, True, id="a-number-below-an-exclusive-maximum"),
    pytest.param({"minimum": 5}, "3", True, id="a-bound-of-no-number"),
    pytest.param({"items": {"type": "integer"}}, [1, 2], True, id="every-item"),
    pytest.param({"items": {"type": "integer"}}, [1, "2"], False, id="one-item-of-the-wrong-type"),
    pytest.param({"items": False}, [], True, id="no-item-allowed-none-there"),
    pytest.param({"items": False}, [1], False, id="no-item-allowed-one-there"),
    pytest.param({"allOf": [{"type": "string"}, {"minLength": 2}]}, "ab", True, id="all-of-them"),
    pytest.param({"allOf": [{"type": "string"}, {"minLength": 2}]}, "a", False, id="all-but-one"),
    pytest.param(TREE, {"id": "a", "children": [{"id": "b", "children": []}]}, True, id="a-definition-within-itself"),
    pytest.param(TREE, {"id": "a", "children": [{"id": "b", "children": [{}]}]}, False, id="deep-in-a-definition"),
    pytest.param({"$ref": "#/$defs/a", "$defs": {"a": {"type": "string"}}, "minLength": 2}, "a", False, id="ref-and"),
    pytest.param({"$schema": "https://json-schema.org/draft/2020-12/schema", "x-note": 1}, 1, True, id="notes"),
    pytest.param(LIST, ["a"], True, id="a-list-of-texts"),
    pytest.param(LIST, [], False, id="a-list-of-texts-empty"),
    pytest.param(LIST, ["a", 1], False, id="a-list-of-texts-with-a-number"),
    pytest.param(LIST, "a", False, id="a-list-of-texts-that-is-a-text"),
    pytest.param(WORD, "ab", True, id="a-word"),
    pytest.param(WORD, "abcd", False, id="a-word-too-long"),
    pytest.param(WORD, "ba", False, id="a-word-that-does-not-match"),
    pytest.param(WORD, ["ab"], False, id="a-word-in-a-list"),
    pytest.param({"type": "object", "minProperties": 1}, {}, False, id="a-mapping-without-fields"),
    pytest.param({"type": "object", "properties": {"a": {"type": "string"}}}, {"a": "x", "b": 1}, True, id="more"),
    pytest.param({"type": ["object", "null"], "required": ["a"]}, None, True, id="a-mapping-or-nothing"),
    pytest.param({"type": ["object", "null"], "required": ["a"]}, {}, False, id="a-mapping-or-nothing-missing"),
    pytest.param({"type": "string", "enum": ["a"]}, "b", False, id="a-text-of-no-choice"),
    pytest.param(True, {"a": 1}, True, id="the-schema-true"),
    pytest.param(False, {"a": 1}, False, id="the-schema-false"),
]


@pytest.mark.parametrize(("schema_value", "data", "valid"), CASES)
def test_a_document_is_found_valid_as_jsonschema_finds_it(schema_value: Any, data: Any, valid: bool) -> None:
    assert jsonschema_finds_valid(data, schema_value) is valid
    assert surely_valid(data, json.dumps(schema_value)) is valid


@pytest.mark.parametrize(
    ("schema_value", "data"),
    [
        pytest.param({"const": 1}, 1, id="a-keyword-it-does-not-know"),
        pytest.param({"enum": [1, 2]}, 1, id="choices-that-are-not-texts"),
        pytest.param({"$ref": "other.schema.json#/$defs/a"}, 1, id="a-reference-to-another-file"),
        pytest.param({"properties": {"a": {"$id": "a.json", "type": "string"}}}, {"a": "x"}, id="an-id-inside"),
        pytest.param({"properties": {"a": {"$schema": "http://json-schema.org/draft-07/schema#"}}}, {}, id="a-dialect"),
        pytest.param({"additionalProperties": False, "patternProperties": {"^a": {}}}, {"a": 1}, id="patterns"),
        pytest.param({"pattern": "("}, "a", id="a-pattern-that-does-not-compile"),
    ],
)
def test_a_schema_it_cannot_read_is_left_to_jsonschema(schema_value: Any, data: Any) -> None:
    """Unsure, it never says valid: jsonschema checks the document (here valid, or failing as it always did)."""
    assert surely_valid(data, json.dumps(schema_value)) is False


def test_a_schema_that_is_not_json_is_left_to_jsonschema() -> None:
    assert surely_valid({}, "{") is False


#: Each real content file, with its schema.
REAL = [
    pytest.param(CONTENT_DIR / name, CONTENT_DIR / schema_name, id=name)
    for name, schema_name in [
        ("policy.yaml", "policy.schema.json"),
        ("help-center.yaml", "help-center.schema.json"),
        ("interface.yaml", "interface.schema.json"),
        ("locales.yaml", "locales.schema.json"),
    ]
] + [
    pytest.param(path, ROOT / "examples" / "help-center" / "policy.schema.json", id=path.relative_to(ROOT).as_posix())
    for path in sorted((ROOT / "examples" / "help-center" / "policies").glob("*.yaml"))
]

#: Values an edit may leave in a file, of every kind YAML reads.
VALUES = st.sampled_from(
    [
        *("", "x", "Bad Id", "a-b", "tried\n", "https://example.com", "kilogram", 0, -1, 2, 1.5, True, None),
        *(datetime.date(2024, 1, 31), [], ["x"], [{}], {}, {"id": "x"}, {"unknown": 1}),
    ]
)


def paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value of ``data``, the top level included."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*path, index))
    return found


def edited(data: Any, path: tuple[Any, ...], how: str, value: Any) -> Any:
    """``data`` with the value at ``path`` replaced, removed, or given another field (as ``how`` says)."""
    data = copy.deepcopy(data)
    if not path:
        return value if how == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if how == "replace":
        parent[path[-1]] = value
    elif how == "remove":
        del parent[path[-1]]
    elif isinstance(parent[path[-1]], dict):
        parent[path[-1]]["added"] = value
    return data


@pytest.mark.parametrize(("document_path", "schema_path"), REAL)
def test_every_real_file_is_found_valid_without_jsonschema(document_path: Path, schema_path: Path) -> None:
    document, problems = load_document(document_path)
    assert document is not None, problems

    assert surely_valid(document.data, schema_path.read_text(encoding="utf-8")) is True


@pytest.mark.parametrize(("document_path", "schema_path"), REAL)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.integers(min_value=0), how=st.sampled_from(["replace", "remove", "add"]), value=VALUES)
def test_a_real_file_edited_anywhere_is_found_valid_as_jsonschema_finds_it(
    document_path: Path, schema_path: Path, choice: int, how: str, value: Any
) -> None:
    document, _ = load_document(document_path)
    assert document is not None
    every_path = paths(document.data)
    data = edited(document.data, every_path[choice % len(every_path)], how, value)
    schema_text = schema_path.read_text(encoding="utf-8")

    assert surely_valid(data, schema_text) is jsonschema_finds_valid(data, json.loads(schema_text))
