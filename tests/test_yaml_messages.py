"""The YAML mistakes editors make, said in their words: which line, indented otherwise than which, and what to do.

The policy's own cases are in ``fixtures/broken/`` (``yaml-*``); these are the
shapes of indentation mistakes, each on a few lines, with the message expected
written by hand.
"""

from __future__ import annotations

import pytest

from generator.content.load import parse_document

LIKE_NOTHING = "like no key or list item above it: YAML reads what belongs together from the indentation, so indent it"
DEEPER = (
    "so YAML takes it for more of that key's value: indent it exactly like the keys it belongs with, or, if it goes "
    "on with the text above, put that text in quotes"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "a:\n  - id: x\n    text: y\n   hint: z\n",
            f"f.yaml:4:4: error: this line is indented by 3 spaces, {LIKE_NOTHING} by 4 spaces, like line 3 "
            "('text: y'), or by 2 spaces, like line 2 ('- id: x')",
            id="key-one-space-less-than-its-siblings",
        ),
        pytest.param(
            "a:\n  b: 1\n c: 2\n",
            f"f.yaml:3:2: error: this line is indented by 1 space, {LIKE_NOTHING} by 2 spaces, like line 2 ('b: 1'), "
            "or by 0 spaces, like line 1 ('a:')",
            id="key-between-two-levels",
        ),
        pytest.param(
            "a:\n  b:\n    - x\n   - y\n",
            f"f.yaml:4:4: error: this line is indented by 3 spaces, {LIKE_NOTHING} by 4 spaces, like line 3 ('- x'), "
            "or by 2 spaces, like line 2 ('b:')",
            id="list-item-one-space-less",
        ),
        pytest.param(
            "a:\n  b: 1\n    c: 2\n",
            f"f.yaml:3:5: error: this line is indented by 4 spaces, deeper than the key above it (line 2, 'b: 1', "
            f"indented by 2), {DEEPER}",
            id="key-deeper-than-the-key-above",
        ),
        pytest.param(
            "a:\n  - id: x\n  - id: y\n    - id: z\n",
            "f.yaml:4:5: error: this list item (a line that starts with '- ') is among the keys of line 3 "
            "('- id: y'): if it is one of those keys, take its dash away; to start another item of the list of "
            "line 3, line its dash up with that line's (2 spaces)",
            id="list-item-among-the-keys-of-the-item-above",
        ),
        pytest.param(
            "a:\n  b: 1\n  - c\n",
            "f.yaml:3:3: error: this list item (a line that starts with '- ') is among the keys of line 2 ('b: 1'): "
            "if it is one of those keys, take its dash away",
            id="list-item-among-keys",
        ),
        pytest.param(
            "a:\n  - c\n  b: 1\n",
            "f.yaml:3:3: error: this key starts where the list items of line 2 ('- c') do, among them: start it with "
            "'- ' to begin a new item, or indent it like the keys of the item above",
            id="key-among-list-items",
        ),
        pytest.param(
            "a:\n  # a comment\n  b: 1\n\n   # another\n c: 2\n",
            f"f.yaml:6:2: error: this line is indented by 1 space, {LIKE_NOTHING} by 2 spaces, like line 3 ('b: 1'), "
            "or by 0 spaces, like line 1 ('a:')",
            id="comments-and-blank-lines-are-passed-over",
        ),
        pytest.param(
            "a:\n  b: >-\n    words: that go on\n    and on\n   c: 2\n",
            f"f.yaml:5:4: error: this line is indented by 3 spaces, {LIKE_NOTHING} by 2 spaces, like line 2 ('b: >-')",
            id="the-words-of-a-folded-text-are-no-key",
        ),
        pytest.param(
            "a:\n  b: >-\n    words: that go on\n    and on\n c: 2\n",
            f"f.yaml:5:2: error: this line is indented by 1 space, {LIKE_NOTHING} by 2 spaces, like line 2 ('b: >-'), "
            "or by 0 spaces, like line 1 ('a:')",
            id="a-folded-text-is-passed-over",
        ),
    ],
)
def test_an_indentation_mistake_says_which_line_and_how_to_indent_it(text, expected):
    document, problems = parse_document(text, "f.yaml")

    assert document is None
    assert [str(problem) for problem in problems] == [expected]
