"""An id or a tag is matched as a whole: one that ends in a line break is refused where it is written.

JSON Schema patterns are ECMA-262 regular expressions, whose ``$`` matches only
at the very end; Python's ``re.search`` also lets ``$`` match before a final
line break, so ``id: "tried\\n"`` (or a ``|`` block) once passed the schema,
then broke the ledger of finder addresses and the site's folder names.
"""

from __future__ import annotations

import pytest

from generator.cli import main

#: (file, the text written, the same with a line break at the end of the id or tag, line and column of the value).
CASES = [
    pytest.param("policy.yaml", "  - id: effort\n", '  - id: "effort\\n"\n', 85, 9, id="question"),
    pytest.param("policy.yaml", "      - id: tried\n", '      - id: "tried\\n"\n', 90, 13, id="answer"),
    pytest.param("policy.yaml", "  - id: flagged-device\n", '  - id: "flagged-device\\n"\n', 102, 9, id="scenario"),
    pytest.param(
        "policy.yaml", "    outcome: contact-support\n", '    outcome: "contact-support\\n"\n', 177, 14, id="scenario-outcome"
    ),
    pytest.param("policy.yaml", "  - id: free-return\n", '  - id: "free-return\\n"\n', 183, 9, id="outcome"),
    pytest.param("policy.yaml", "  - id: label-steps\n", "  - id: |\n      label-steps\n", 241, 9, id="block-scalar"),
    pytest.param("policy.yaml", "    follows: [reason]\n", '    follows: ["reason\\n"]\n', 87, 15, id="follows"),
    pytest.param("policy.yaml", "  id: get-your-device-back\n", '  id: "get-your-device-back\\n"\n', 289, 7, id="article"),
    pytest.param("policy.yaml", "      - id: create-shipment\n", '      - id: "create-shipment\\n"\n', 243, 13, id="step"),
    pytest.param("help-center.yaml", "  us: {mass_unit: pound}\n", '  "us\\n": {mass_unit: pound}\n', 11, 3, id="market-key"),
    pytest.param(
        "policy.yaml",
        "      device-status: [counterfeit, greylisted, blocklisted, rooted]\n",
        '      "device-status\\n": [counterfeit, greylisted, blocklisted, rooted]\n',
        104,
        7,
        id="question-in-when",
    ),
    pytest.param(
        "policy.yaml",
        "      device-status: [counterfeit, greylisted, blocklisted, rooted]\n",
        '      device-status: ["counterfeit\\n", greylisted, blocklisted, rooted]\n',
        104,
        23,
        id="answer-in-when",
    ),
    pytest.param("locales.yaml", "  - tag: en-US\n    market: us\n", '  - tag: "en-US\\n"\n    market: us\n', 12, 10, id="tag"),
    pytest.param("locales.yaml", "source: en-US\n", 'source: "en-US\\n"\n', 9, 9, id="source-tag"),
    pytest.param("locales.yaml", "  - tag: en-US\n    market: us\n", '  - tag: en-US\n    market: "us\\n"\n', 13, 13, id="market"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "old", "new", "line", "column"), CASES)
def test_an_id_ending_in_a_line_break_is_refused_at_its_line(capsys, project, name, old, new, line, column):
    path = project / "content" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")

    status = main(["check"])

    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert "Traceback" not in err
    first = err.splitlines()[0]
    assert first.startswith(f"content/{name}:{line}:{column}: error: "), err
    assert "line break" in first, "the message says what is wrong with the id"
    # Every problem is one line: the id's line break is not printed as one.
    assert all(row.startswith(f"content/{name}:") for row in err.splitlines()[:-1]), err


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        pytest.param("^[a-z]+$", "tried", True, id="whole"),
        pytest.param("^[a-z]+$", "tried\n", False, id="line-break-at-the-end"),
        pytest.param("^[a-z]+$", "tried\nmore", False, id="line-break-inside"),
        pytest.param("^https://[^\\s]+$", "https://example.com\n", False, id="url"),
        pytest.param("^[$a]+$", "$a$", True, id="dollar-in-a-class-is-a-dollar"),
        pytest.param("^a\\$$", "a$", True, id="escaped-dollar-is-a-dollar"),
        pytest.param("^a\\$$", "a$\n", False, id="escaped-dollar-then-the-end"),
    ],
)
def test_a_schema_pattern_means_what_ecma_262_means(pattern, text, matches):
    from generator.content.schema import whole_pattern

    assert bool(whole_pattern(pattern).search(text)) is matches
