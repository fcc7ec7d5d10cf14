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
