"""Both YAML parsers read sound files alike, and broken ones are explained by PyYAML's own.

Sound YAML is read by libyaml (fast), anything wrong by PyYAML's parser, whose
messages the diagnostics are written for. The two must agree on the data and
on the position of every value, or an error found later (by the schema, the
references or the proof) would point at the wrong place.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.content import load
from generator.content.load import parse_document

ROOT = Path(__file__).resolve().parent.parent

SOUND = [
    *(
        pytest.param(path.read_text(encoding="utf-8"), id=path.name)
        for path in sorted((ROOT / "content").glob("*.yaml"))
    ),
    pytest.param((ROOT / "tests" / "fixtures" / "toy" / "policy.yaml").read_text(encoding="utf-8"), id="toy"),
    pytest.param(
        "a: [é, “b”, 😀, c]\nb: {x: ñ, y: 😀😀, z: w}\nc: >-\n  multi é\n  line\nd:\n  - 😀: [1, 2]\n    e: 'f'\n",
        id="wide-characters-and-flow-collections",
    ),
    pytest.param("a: &x [1, 2]\nb: *x\nc: |\n  kept\n  lines\n", id="anchors-and-literal-blocks"),
    pytest.param("a: b # c\nd: [e]  # f\ng: >-\n  h\n  i #j\nk: 'l' # m\n", id="comments-after-values"),
]


@pytest.mark.parametrize("text", SOUND)
def test_libyaml_and_pyyaml_read_sound_yaml_alike(text):
    assert load._FAST_LOADER is not None, "the pinned PyYAML comes with libyaml"
    fast, fast_problems = load._parse(text, "file.yaml", load._FAST_LOADER)
    slow, problems = load._parse(text, "file.yaml", yaml.SafeLoader)

    assert problems == fast_problems == []
    assert fast is not None
    assert slow is not None
    assert fast.data == slow.data
    assert fast.positions == slow.positions
    assert fast.key_positions == slow.key_positions
    assert fast.comments_after == slow.comments_after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a: Pack 2 # of them\n", {("a",): (1, 11, "# of them")}, id="after-a-plain-text"),
        pytest.param("a: Pack\n  2 #3\n", {("a",): (2, 5, "#3")}, id="after-a-text-on-two-lines"),
        pytest.param("a:\n  - b  # c\n", {("a", 0): (2, 8, "# c")}, id="after-a-list-item"),
        pytest.param("a: 'b' # c\nd: \"e\" # f\n", {}, id="quoted-texts-end-at-their-quote"),
        pytest.param("a: >-\n  b\n  # c\n", {}, id="a-block-keeps-its-hash"),
        pytest.param("a: b#c\n", {}, id="a-hash-without-a-space-is-text"),
        pytest.param("# a\na: b\n", {}, id="a-comment-on-its-own-line"),
    ],
)
def test_comments_after_unquoted_values_are_noted(text, expected):
    document, problems = parse_document(text, "file.yaml")

    assert problems == []
    assert document is not None
    found = {path: (where.line, where.column, comment) for path, (where, comment) in document.comments_after.items()}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a: 1\na: 2\n", "file.yaml:2:1: error: key 'a' is given twice", id="duplicate-key"),
        pytest.param("a: [1, 2\n", "file.yaml:2:1: error: invalid YAML: expected ',' or ']'", id="unclosed-list"),
        pytest.param("a:\n\t- 1\n", "file.yaml:2:1: error: invalid YAML: a tab character", id="tab"),
    ],
)
def test_broken_yaml_is_explained_by_pyyaml(text, expected):
    document, problems = parse_document(text, "file.yaml")

    assert document is None or problems
    assert str(problems[0]).startswith(expected)


def ids_read_whole(path: Path) -> tuple[object, dict[str, list[str]]]:
    """The file's id and the ids of its top-level lists' items, from the document read whole."""
    document, problems = load.load_document(path)
    assert document is not None, problems
    lists = {
        key: [item["id"] for item in value if isinstance(item, dict) and isinstance(item.get("id"), str)]
        for key, value in document.data.items()
        if isinstance(value, list)
    }
    return document.data.get("id"), lists


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(path, id=f"{path.parent.name}/{path.name}")
        for path in sorted(
            [
                *(ROOT / "content").glob("*.yaml"),
                *(ROOT / "examples").rglob("*.yaml"),
                ROOT / "tests" / "fixtures" / "toy" / "policy.yaml",
            ]
        )
    ],
)
def test_a_skim_finds_the_ids_a_whole_read_finds(path):
    own, lists = ids_read_whole(path)

    assert load.skim_ids(path) == (own if isinstance(own, str) else None, lists)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("id: a\noutcomes:\n  - id: b\n  - id: c\n", ("a", {"outcomes": ["b", "c"]}), id="ids"),
        pytest.param("id: 'yes'\nl: [{id: 'no'}]\n", ("yes", {"l": ["no"]}), id="quoted-words-are-text"),
        pytest.param("id: yes\nl: [{id: no}, {id: 2}, {id: null}]\n", (None, {"l": []}), id="not-text-is-no-id"),
        pytest.param("id: !!str yes\nl: []\n", ("yes", {"l": []}), id="a-text-by-its-tag"),
        pytest.param(
            "x: {id: no-id-of-the-file}\nl: [a, [b], {id: [c]}, {d: {id: e}}, {id: f}]\nid: g\n",
            ("g", {"l": ["f"]}),
            id="ids-deeper-down-are-not-the-file's-nor-an-item's",
        ),
        pytest.param("a: &x {id: b}\nl: [*x, {id: c}]\n", (None, {"l": ["c"]}), id="an-alias-item-is-passed-over"),
        pytest.param("- id: a\n", (None, {}), id="a-list-at-the-top"),
        pytest.param("just text\n", (None, {}), id="a-text-at-the-top"),
        pytest.param("", None, id="empty"),
        pytest.param("id: a\nl: [b\n", None, id="broken"),
        pytest.param("id: a\n\tl: []\n", None, id="a-tab"),
    ],
)
def test_a_skim_reads_only_what_a_whole_read_takes_for_ids(tmp_path, text, expected):
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")

    assert load.skim_ids(path) == expected


def test_a_skim_of_a_file_that_cannot_be_read_is_nothing(tmp_path):
    assert load.skim_ids(tmp_path / "missing.yaml") is None
    assert load.skim_ids(tmp_path) is None
