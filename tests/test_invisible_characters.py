"""Texts hold no control character and nothing that reorders them; what is printed never acts on a terminal.

A bidirectional override or isolate shows words in another order than they
are written ("Trojan Source"), a control character is invisible or moves a
terminal's cursor. Each is refused at its own line and column, in every
content file (the policy's cases are in ``fixtures/broken/``, the catalogs'
in ``fixtures/catalogs/``), and what a command prints from the content is
escaped.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from generator.cli import main

#: What must never reach a terminal as it is: C0 but the line feed, DEL, C1, bidi formatting, line separators.
ACTING = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
OVERRIDE = "changes the order the text around it shows in: delete it"


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        pytest.param(
            "interface.yaml",
            "  jump_to: Jump to\n",
            "  jump_to: Jump \u202eto\n",
            f"content/interface.yaml:16:17: error: the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) {OVERRIDE}",
            id="interface-text",
        ),
        pytest.param(
            "interface.yaml",
            "  help_heading: Still need help?\n",
            '  help_heading: "Still need\\a help?"\n',
            "content/interface.yaml:21:28: error: the control character U+0007 (BELL) is not text (it may be "
            "invisible): delete it",
            id="interface-escape-that-rings-the-bell",
        ),
        pytest.param(
            "locales.yaml",
            "      de UPS: d’UPS\n",
            "      de UPS: d’\u2067UPS\n",
            f"content/locales.yaml:19:17: error: the invisible character U+2067 (RIGHT-TO-LEFT ISOLATE) {OVERRIDE}",
            id="name-form",
        ),
        pytest.param(
            "locales.yaml",
            "  - Samsung\n",
            '  - "Sam\\x9bsung"\n',
            "content/locales.yaml:34:9: error: the control character U+009B is not text (it may be invisible): "
            "delete it",
            id="name-with-a-c1-escape",
        ),
    ],
)
def test_every_content_file_refuses_them_where_they_are(capsys, project, file, old, new, expected):
    edit(project / "content" / file, old, new)

    status = main(["check"])

    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.splitlines() == [expected, "1 problem found"]


def test_the_marks_right_to_left_languages_need_are_text(capsys, project):
    # U+200F (RIGHT-TO-LEFT MARK) reorders nothing: a Hebrew or Arabic text needs it around punctuation.
    edit(project / "content/interface.yaml", "  jump_to: Jump to\n", "  jump_to: Jump to\u200f\n")

    status = main(["check"])

    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert "complete and unambiguous" in out


def test_what_an_error_quotes_from_the_content_is_escaped(capsys, project):
    # The id is refused twice: for its characters, and by the schema, whose message quotes it.
    edit(
        project / "content/policy.yaml",
        "blocklisted, rooted]\n    outcome: prepaid-label\n",
        'blocklisted, rooted]\n    outcome: "prepaid-label\\u202e\\e[2J"\n',
    )

    status = main(["check"])

    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert not ACTING.search(err)
    assert "'prepaid-label\\u202e\\u001b[2J' is not a valid id" in err


def test_what_diff_prints_from_the_content_is_escaped(capsys, project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "content"], cwd=project, check=True)
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "commit", "-q", "-m", "Policy"], cwd=project, check=True)
    edit(project / "content/interface.yaml", "  jump_to: Jump to\n", "  jump_to: Jump to\u200f\n")

    for output_format in ("text", "markdown", "json"):
        status = main(["diff", "--format", output_format])

        out, err = capsys.readouterr()
        assert (status, err) == (0, "")
        assert not ACTING.search(out.replace("\n", ""))
        assert "Jump to\\u200f" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('msgid "a"\nmsgstr "b"\n', [], id="nothing-to-find"),
        pytest.param('msgid "a"\r\nmsgstr "b"\r\n', [], id="windows-line-ends-are-line-ends"),
        pytest.param('msgid "a"\nmsgstr "b\u202ec"\n', [(2, 10, "\u202e")], id="an-override-in-a-translation"),
        pytest.param('# a\x1b comment\nmsgid "a"\n', [(1, 4, "\x1b")], id="a-control-character-in-a-comment"),
        pytest.param('msgid "a"\nmsgstr "b\\rc"\n', [(2, 10, "\r")], id="a-carriage-return-escape"),
        pytest.param('msgid "a"\nmsgstr "b\\\\rc"\n', [], id="an-escaped-backslash-then-r"),
        pytest.param('#. see \\r\nmsgid "a"\n', [], id="backslash-r-outside-quotes"),
        pytest.param('msgid "a"\nmsgstr "b"\rc"\n', [(2, 11, "\r")], id="a-carriage-return-inside-a-line"),
    ],
)
def test_a_catalog_refuses_them_on_the_lines_that_hold_them(text, expected):
    from generator.content.characters import in_catalog

    assert list(in_catalog(text)) == expected
