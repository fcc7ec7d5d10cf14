"""`python -m generator check` refuses broken content with exact, editor-ready diagnostics.

Each case is a copy of the toy policy (``fixtures/toy/policy.yaml``) with one
defect, in ``fixtures/broken/<case>.yaml``, or of what it shares with a help
center (``fixtures/toy/help-center.yaml``), in ``<case>.help-center.yaml``; the
lines the check must print are written by hand in ``fixtures/broken/<case>.expected``,
as ``policy.yaml:LINE:COL: error: message``. The first line of every broken
fixture says what is wrong with it; the other lines keep the toy's numbering
wherever the defect allows. A case too big to commit (a file over the size
limit) has only its ``.expected``; the test writes its policy.

The translations have their own catalogue, ``fixtures/catalogs/``: ``valid/``
adds to the toy policy a ``locales.yaml`` (en-US and fr-FR, both for the toy's
``us`` market) and a small French catalog; each ``<case>/`` folder replaces or
adds one file of it, and ``<case>.expected`` holds the lines, e.g.
``locales/fr-FR.po:LINE:1: error: ...`` (the line of the entry's msgstr, what a translator fixes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.content import load
from generator.content.load import MAX_FILE_BYTES, MAX_VALUES
from generator.content.locales import SiteLocale
from generator.helpcenter.folder import load_content
from generator.rendering.pages import build_pages

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TOY_POLICY = FIXTURES / "toy" / "policy.yaml"
BROKEN = FIXTURES / "broken"
CATALOGS = FIXTURES / "catalogs"
#: What a content folder needs besides its policy; the tests take these from the real content.
SHARED_FILES = ("policy.schema.json", "help-center.schema.json", "interface.schema.json", "interface.yaml")
#: What the toy policy shares with a help center: its market and its category.
TOY_HELP_CENTER = FIXTURES / "toy" / "help-center.yaml"

CASES = [
    # The proof: gaps, overlaps, the finder's order, unused parts.
    pytest.param("gap", id="gap"),
    pytest.param("gap-many", id="gap-with-more-combinations"),
    pytest.param("overlap", id="overlap"),
    pytest.param("overlap-same-outcome", id="a-scenario-without-a-line-overlaps-two-said-once-at-it"),
    pytest.param("new-question-overlaps", id="new-question-makes-every-scenario-overlap-said-once"),
    pytest.param("follows-cycle", id="follows-cycle"),
    pytest.param("follows-blocks", id="follows-blocks-a-question-that-matters"),
    pytest.param("follows-blocks-first", id="follows-blocks-before-any-answer"),
    pytest.param("never-asked", id="question-never-asked"),
    pytest.param("unused-outcome", id="outcome-never-reached"),
    # References and ids.
    pytest.param("unknown-outcome", id="unknown-outcome"),
    pytest.param("unknown-question", id="unknown-question-in-when"),
    pytest.param("unknown-answer", id="unknown-answer"),
    pytest.param("answer-of-another-question", id="answer-of-another-question"),
    pytest.param("duplicate-answer-in-when", id="answer-twice-in-a-scenarios-list"),
    pytest.param("unknown-follows", id="unknown-question-in-follows"),
    pytest.param("duplicate-scenario-id", id="duplicate-scenario-id"),
    pytest.param("duplicate-question-id", id="duplicate-question-id"),
    pytest.param("duplicate-answer-id", id="duplicate-answer-id"),
    pytest.param("unknown-placeholder", id="unknown-placeholder"),
    pytest.param("unknown-placeholder-in-literal-text", id="unknown-placeholder-on-the-third-line-of-a-literal-text"),
    pytest.param("stray-brace", id="placeholder-with-a-capital-is-a-stray-brace"),
    pytest.param("stray-brace-words", id="words-in-braces"),
    pytest.param("unknown-link", id="unknown-link-target"),
    pytest.param("article-id-reserved", id="article-id-is-the-finders-address"),
    # The schema.
    pytest.param("schema-missing-field", id="schema-missing-required-field"),
    pytest.param("schema-missing-fields", id="schema-two-missing-fields-in-order"),
    pytest.param("schema-unknown-field", id="schema-unknown-field-typo"),
    pytest.param("schema-misspelt-required", id="schema-misspelt-required-field"),
    pytest.param("schema-wrong-type", id="schema-wrong-type"),
    pytest.param("out-of-range", id="number-out-of-range"),
    pytest.param("schema-bad-id", id="schema-bad-id-pattern"),
    pytest.param("schema-bad-key", id="schema-bad-id-as-key"),
    pytest.param("schema-http-link", id="schema-http-link"),
    pytest.param("schema-date", id="schema-date-instead-of-text"),
    pytest.param("yes-no-unquoted", id="yes-and-no-read-as-true-and-false-said-once"),
    # Reading the YAML.
    pytest.param("duplicate-key", id="duplicate-mapping-key"),
    pytest.param("invalid-yaml", id="invalid-yaml-syntax"),
    pytest.param("invalid-date", id="invalid-date-value"),
    pytest.param("recursive-alias", id="recursive-alias"),
    pytest.param("duplicate-anchor", id="duplicate-anchor"),
    pytest.param("empty", id="empty-file"),
    pytest.param("comments-only", id="comments-only-file"),
    pytest.param("tab-indent", id="tab-indentation"),
    pytest.param("tab-after-text", id="tab-after-a-value"),
    pytest.param("alias-bomb", id="alias-expansion-bomb"),
    pytest.param("not-finite-number", id="not-a-finite-number"),
    pytest.param("control-character", id="control-character"),
    # The YAML mistakes editors make most, said in their words.
    pytest.param("yaml-colon-in-text", id="colon-inside-an-unquoted-text"),
    pytest.param("yaml-comment-in-text", id="hash-inside-an-unquoted-text"),
    pytest.param("yaml-missing-colon", id="key-without-its-colon"),
    pytest.param("yaml-indented-too-deep", id="line-indented-too-deep"),
    pytest.param("yaml-indented-less", id="list-item-indented-one-space-less"),
    pytest.param("yaml-list-item-among-keys", id="list-item-among-the-keys-of-an-item"),
    pytest.param("yaml-text-after-closing-quote", id="text-goes-on-after-its-closing-quote"),
    pytest.param("yaml-apostrophe-in-single-quotes", id="apostrophe-inside-single-quotes"),
    pytest.param("yaml-curly-quotes", id="curly-quotes-around-a-value"),
    pytest.param("yaml-curly-quotes-in-a-list", id="curly-quotes-around-a-list-item"),
    # Reading the file, before any YAML.
    pytest.param("byte-order-mark", id="byte-order-mark"),
    pytest.param("invalid-utf8", id="invalid-utf8"),
    pytest.param("too-large", id="file-over-the-size-limit"),
    # Texts: plain text and the inline syntax, nothing a browser would run or follow.
    pytest.param("html-in-text", id="html-tag-in-text"),
    pytest.param("html-in-folded-text", id="html-on-the-third-line-of-a-folded-text"),
    pytest.param("html-entity", id="html-character-reference-in-text"),
    pytest.param("script-in-text", id="script-in-text"),
    pytest.param("link-javascript", id="link-to-javascript-address"),
    pytest.param("link-data", id="link-to-data-address"),
    pytest.param("link-http", id="link-to-http-address"),
    pytest.param("link-without-words", id="link-without-words"),
    # Texts: nothing invisible that reorders them or acts on a terminal, located at the character.
    pytest.param("bidi-override-in-text", id="bidi-override-in-a-text"),
    pytest.param("bidi-escape-in-quoted-text", id="bidi-isolate-written-as-an-escape"),
    pytest.param("control-escape-in-quoted-text", id="escape-character-on-the-second-line-of-a-quoted-text"),
    pytest.param("next-line-in-text", id="line-break-only-yaml-sees"),
    # Values a customer would misread.
    pytest.param("delay-zero", id="duration-of-zero-days"),
    pytest.param("weight-shows-as-zero", id="mass-that-rounds-to-zero"),
    # Markets.
    pytest.param("no-source-market", id="source-locale-without-its-market"),
]


def padded_toy_policy(size: int) -> bytes:
    """The toy policy, then a comment line that makes it ``size`` bytes long."""
    toy = TOY_POLICY.read_bytes()
    policy = toy + b"# " + b"x" * (size - len(toy) - len(b"# \n")) + b"\n"
    assert len(policy) == size
    return policy


#: Cases whose policy the test writes, rather than a file in ``fixtures/broken/``: one byte over 1 MiB.
GENERATED = {"too-large": lambda: padded_toy_policy(MAX_FILE_BYTES + 1)}

CATALOG_CASES = [
    pytest.param("placeholder-misspelt", id="translation-misspells-a-placeholder"),
    pytest.param("plural-form-missing", id="translation-lacks-a-plural-form"),
    pytest.param(
        "plural-form-missing-old-format", id="translation-lacks-a-plural-form-in-a-catalog-of-one-entry-per-form"
    ),
    pytest.param("plural-form-extra", id="translation-has-a-plural-form-too-many"),
    pytest.param("plural-forms-header-of-two", id="catalog-header-plural-forms-of-another-number"),
    pytest.param("plural-forms-header-missing", id="catalog-header-without-plural-forms"),
    pytest.param("markup-added", id="translation-adds-markup"),
    pytest.param("bidi-in-msgstr", id="translation-with-a-bidi-override-or-a-carriage-return"),
    pytest.param("stray-brace", id="translation-with-a-brace-that-writes-no-placeholder"),
    pytest.param("link-target-changed", id="translation-changes-a-link-target"),
    pytest.param("link-to-address", id="translation-links-to-an-address"),
    pytest.param("unclosed-quote", id="catalog-string-without-closing-quote"),
    pytest.param("missing-msgstr", id="catalog-entry-without-msgstr"),
    pytest.param("entry-twice", id="catalog-entry-given-twice"),
    pytest.param("language-of-another-locale", id="catalog-header-names-another-language"),
    pytest.param("unpublished-locale", id="catalog-for-an-unpublished-locale"),
    pytest.param("unknown-market", id="locale-whose-market-does-not-exist"),
    pytest.param("tag-wrong-case", id="locale-tag-in-the-wrong-case"),
    pytest.param("tag-unknown-to-cldr", id="locale-tag-cldr-does-not-know"),
]


def make_content(folder: Path, policy: Path) -> Path:
    """Fill ``folder`` with ``policy``, the toy's help-center.yaml and the real schemas and interface; return it."""
    for name in SHARED_FILES:
        shutil.copyfile(CONTENT_DIR / name, folder / name)
    shutil.copyfile(TOY_HELP_CENTER, folder / "help-center.yaml")
    shutil.copyfile(policy, folder / "policy.yaml")
    return folder


def policy_bytes(case: str) -> bytes:
    if case in GENERATED:
        return GENERATED[case]()
    broken = BROKEN / f"{case}.yaml"
    return broken.read_bytes() if broken.exists() else TOY_POLICY.read_bytes()


def make_broken_content(folder: Path, case: str) -> Path:
    """Fill ``folder`` with the broken policy of ``case`` (as bytes: some are not even UTF-8).

    A case about what policies share has a broken ``<case>.help-center.yaml`` instead, beside the toy policy.
    """
    make_content(folder, TOY_POLICY)
    (folder / "policy.yaml").write_bytes(policy_bytes(case))
    shared = BROKEN / f"{case}.help-center.yaml"
    if shared.exists():
        shutil.copyfile(shared, folder / "help-center.yaml")
    return folder


def make_catalog_content(folder: Path, case: str | None = None) -> Path:
    """Fill ``folder`` with the toy policy, ``catalogs/valid/``, then the files of catalog ``case``."""
    make_content(folder, TOY_POLICY)
    shutil.copyfile(CONTENT_DIR / "locales.schema.json", folder / "locales.schema.json")
    shutil.copytree(CATALOGS / "valid", folder, dirs_exist_ok=True)
    if case is not None:
        shutil.copytree(CATALOGS / case, folder, dirs_exist_ok=True)
    return folder


def expected_lines(case: str, fixtures: Path = BROKEN) -> list[str]:
    return (fixtures / f"{case}.expected").read_text(encoding="utf-8").splitlines()


def problems_found(count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''} found"


def broken_file(case: str) -> Path:
    """The file a case breaks: its policy, or what policies share (``<case>.help-center.yaml``)."""
    shared = BROKEN / f"{case}.help-center.yaml"
    return shared if shared.exists() else BROKEN / f"{case}.yaml"


def test_every_broken_fixture_is_a_case():
    names = {param.values[0] for param in CASES}
    assert len(names) == len(CASES)
    assert {path.name.split(".")[0] for path in BROKEN.glob("*.yaml")} == names - set(GENERATED)
    assert {path.stem for path in BROKEN.glob("*.expected")} == names
    assert {path.name for path in BROKEN.iterdir()} == {
        *(broken_file(name).name for name in names - set(GENERATED)),
        *(f"{name}.expected" for name in names),
    }


def test_every_catalog_fixture_is_a_case():
    names = {param.values[0] for param in CATALOG_CASES}
    assert len(names) == len(CATALOG_CASES)
    assert {path.name for path in CATALOGS.iterdir() if path.is_dir()} == names | {"valid"}
    assert {path.stem for path in CATALOGS.glob("*.expected")} == names
    assert {path.name for path in CATALOGS.iterdir() if not path.is_dir()} == {f"{name}.expected" for name in names}


@pytest.mark.parametrize("case", CASES)
def test_check_rejects(case, tmp_path, check):
    expected = expected_lines(case)
    assert expected, f"{case}.expected is empty"

    status, out, err = check(make_broken_content(tmp_path, case))

    assert "Traceback" not in out + err
    assert status == 1
    assert out == ""
    assert err.splitlines() == [*expected, problems_found(len(expected))]


@pytest.mark.parametrize("case", CATALOG_CASES)
def test_check_rejects_translations(case, tmp_path, check):
    expected = expected_lines(case, CATALOGS)
    assert expected, f"{case}.expected is empty"

    status, out, err = check(make_catalog_content(tmp_path, case))

    assert "Traceback" not in out + err
    assert status == 1
    assert out == ""
    assert err.splitlines() == [*expected, problems_found(len(expected))]


def fixture_text(path: Path) -> str:
    # Decoded leniently: a case may be a file that is not UTF-8 or starts with a byte-order mark.
    return path.read_bytes().decode("utf-8", "replace")


def pointed_at(text: str, line: int, column: int) -> str:
    """Return the character of ``text`` at ``line`` and ``column`` (1-based), or fail if there is none."""
    lines = text.split("\n") if text else [""]
    assert 1 <= line <= len(lines), f"line {line} is not in the file ({len(lines)} lines)"
    row = lines[line - 1]
    assert 1 <= column <= max(len(row), 1), f"column {column} is not on line {line}: {row!r}"
    return row[column - 1] if row else ""


def where(expected: str) -> tuple[str, int, int]:
    """Split ``file:line:col: error: ...`` (or ``file: error: ...``) into its file, line and column."""
    place = expected.split(": error: ", 1)[0]
    file, _, rest = place.partition(":")
    line, _, column = rest.partition(":")
    return file, int(line or 0), int(column or 0)


@pytest.mark.parametrize("case", [*CASES, *CATALOG_CASES])
def test_expected_lines_point_into_their_fixture(case):
    """Every expected position names a file of the case, and a line and column in it where something is.

    This holds the hand-written ``.expected`` files to what the fixture says,
    independently of the generator's output.
    """
    catalog_case = case in {param.values[0] for param in CATALOG_CASES}
    for expected in expected_lines(case, CATALOGS if catalog_case else BROKEN):
        assert expected.count(": error: ") == 1, expected
        file, line, column = where(expected)
        if catalog_case:
            assert (CATALOGS / case / file).is_file(), f"{expected}: {file} is not a file the case changes"
            text = fixture_text(CATALOGS / case / file)
            assert text.startswith("# Broken toy "), f"{file} does not say what is wrong with it"
        else:
            shared = (BROKEN / f"{case}.help-center.yaml").exists()
            assert file == ("help-center.yaml" if shared else "policy.yaml"), (
                f"{expected}: not the file the case breaks"
            )
            text = fixture_text(BROKEN / f"{case}.{file}") if shared else policy_bytes(case).decode("utf-8", "replace")
        if line:
            character = pointed_at(text, line, column)
            assert character != " ", f"{expected}: points at a space"
            assert character or not text, f"{expected}: points past the end of its line"
        else:  # a problem with the whole file
            assert column == 0


def test_every_broken_policy_says_what_is_wrong_first():
    for case in {param.values[0] for param in CASES} - set(GENERATED):
        first = fixture_text(broken_file(case)).removeprefix("\ufeff").split("\n", 1)[0]
        assert first.startswith(("# Broken toy policy: ", "# Broken toy help center: ")) or case == "empty", case


def test_the_article_may_not_take_the_folder_of_another_page(tmp_path, check):
    """Every top folder the build writes a page into, found in the pages themselves, is refused as the article's id."""
    (tmp_path / "toy").mkdir()
    content = load_content(make_content(tmp_path / "toy", TOY_POLICY))
    article = content.policy.article.id
    folders = {page.directory.split("/")[0] for page in build_pages(content, SiteLocale("en-US"))} - {"", article}
    assert "finder" in folders  # the finder's address, as DECISIONS.md names it: the oracle sees the pages

    for folder in sorted(folders):
        broken = tmp_path / folder
        broken.mkdir()
        make_content(broken, TOY_POLICY)
        text = (broken / "policy.yaml").read_text(encoding="utf-8")
        (broken / "policy.yaml").write_text(text.replace(f"id: {article}", f"id: {folder}"), encoding="utf-8")

        status, _, err = check(broken)

        assert status == 1, folder
        assert f"error: the article's id '{folder}' is the address of the {folder} page; choose another id" in err


@pytest.mark.parametrize("folder", ["assets", "search"])
def test_the_article_may_not_take_a_folder_of_the_theme(tmp_path, check, folder):
    """Material writes its styles and scripts to assets/ and its search index to search/ in every locale."""
    make_content(tmp_path, TOY_POLICY)
    text = (tmp_path / "policy.yaml").read_text(encoding="utf-8")
    (tmp_path / "policy.yaml").write_text(text.replace("id: toy-article", f"id: {folder}"), encoding="utf-8")

    status, _, err = check(tmp_path)

    assert status == 1
    assert f"error: the article's id '{folder}' is the address of the theme's files; choose another id" in err


def test_toy_catalogs_are_valid(tmp_path, check):
    status, out, err = check(make_catalog_content(tmp_path))

    assert (status, err) == (0, "")
    summary, translated = out.splitlines()
    assert summary.startswith("policy.yaml: 4 scenarios, 2 outcomes, 6 answer combinations: complete and unambiguous")
    assert translated.startswith("fr-FR: 4/")  # three texts and one text with a count (three forms)
    assert translated.endswith("; these texts show in English with a notice")


# The limits on what is read: the file's size and how far its aliases expand.


def test_a_file_at_the_size_limit_is_read(tmp_path, check):
    (make_content(tmp_path, TOY_POLICY) / "policy.yaml").write_bytes(padded_toy_policy(MAX_FILE_BYTES))

    status, out, err = check(tmp_path)

    assert (status, err) == (0, "")
    assert out.startswith("policy.yaml: 4 scenarios")


def test_the_size_limit_is_the_one_stated():
    (line,) = expected_lines("too-large")
    assert line.endswith(f"the limit is {MAX_FILE_BYTES // 1024} KiB")


def test_the_alias_bomb_is_stopped_by_the_values_limit(tmp_path, check, monkeypatch):
    (line,) = expected_lines("alias-bomb")
    assert line.endswith(f"more than {MAX_VALUES} values (an alias used over and over?)")
    make_broken_content(tmp_path, "alias-bomb")

    # A lower limit stops it earlier, at the alias the 501st value comes from: 13 values to the end of &a,
    # 111 more for &b, then 111 for each *b of &c; the fourth *b holds the 501st.
    monkeypatch.setattr(load, "MAX_VALUES", 500)
    status, out, err = check(tmp_path)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "policy.yaml:5:21: error: invalid YAML: the document expands to more than 500 values"
        " (an alias used over and over?)",
        problems_found(1),
    ]

    # Without the limit, nothing else stops it: its 123,456 values are read, then refused by the schema.
    monkeypatch.setattr(load, "MAX_VALUES", 10**6)
    status, out, err = check(tmp_path)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "policy.yaml:2:1: error: unknown field 'laughs' in the top level",
        problems_found(1),
    ]


def test_toy_policy_is_proven(tmp_path, check):
    status, out, err = check(make_content(tmp_path, TOY_POLICY))

    assert (status, err) == (0, "")
    assert out == (
        "policy.yaml: 4 scenarios, 2 outcomes, 6 answer combinations: complete and unambiguous; "
        "the finder agrees on every combination (9 pages, at most 2 questions)\n"
    )


def test_real_content_is_proven(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)

    status = main(["check", "--content", str(CONTENT_DIR)])

    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert out.startswith("content/policy.yaml: ")
    assert "complete and unambiguous" in out


# Content folders that are not even complete: the check says so instead of crashing.


def test_missing_folder(tmp_path, check):
    status, out, err = check(tmp_path / "missing")

    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "missing/policy.yaml: error: file not found",
        "missing/help-center.yaml: error: file not found",
        "missing/interface.yaml: error: file not found",
        problems_found(3),
    ]


def test_content_given_as_a_file(tmp_path, check):
    shutil.copyfile(TOY_POLICY, tmp_path / "policy.yaml")

    status, out, err = check(tmp_path / "policy.yaml")

    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "policy.yaml/policy.yaml: error: cannot read the file (Not a directory)",
        "policy.yaml/help-center.yaml: error: cannot read the file (Not a directory)",
        "policy.yaml/interface.yaml: error: cannot read the file (Not a directory)",
        problems_found(3),
    ]


def test_missing_schema(tmp_path, check):
    folder = make_content(tmp_path, TOY_POLICY)
    (folder / "policy.schema.json").unlink()

    status, out, err = check(folder)

    assert (status, out) == (1, "")
    assert err.splitlines() == ["policy.schema.json: error: file not found", problems_found(1)]


def test_invalid_schema(tmp_path, check):
    folder = make_content(tmp_path, TOY_POLICY)
    (folder / "interface.schema.json").write_text('{\n  "type": "object",\n}\n', encoding="utf-8")

    status, out, err = check(folder)

    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "interface.schema.json:3:1: error: invalid JSON: Expecting property name enclosed in double quotes",
        problems_found(1),
    ]


# The real command, as editors and CI run it.


def run_module(
    args: list[str], cwd: Path, hash_seed: str = "0", machine: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator``; ``machine``: environment variables of the machine it runs on."""
    python_path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, **(machine or {}), "PYTHONPATH": python_path, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_command_rejects_broken_content(tmp_path):
    # Two problems at the same place: their order must not depend on the hash seed.
    case = "schema-missing-fields"
    make_content(tmp_path, BROKEN / f"{case}.yaml")
    expected = [*expected_lines(case), problems_found(2)]

    for hash_seed in ("0", "1", "2"):
        result = run_module(["check", "--content", "."], tmp_path, hash_seed)

        assert "Traceback" not in result.stdout + result.stderr
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr.splitlines() == expected


#: A machine whose locale is ASCII: a bare container (LC_ALL=C) where Python's UTF-8 mode is off; its terminal
#: takes UTF-8, so the messages read as on any machine.
ASCII_MACHINE = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": "utf-8"}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param("plural-form-missing", id="empty-form"),
        pytest.param("plural-form-missing-old-format", id="empty-form-in-a-catalog-of-one-entry-per-form"),
    ],
)
def test_catalogs_are_read_as_utf8_whatever_the_machines_locale(tmp_path, case):
    """The French catalogs hold accents: check reads them as UTF-8, and points at the same lines, on any machine."""
    make_catalog_content(tmp_path, case)

    result = run_module(["check", "--content", "."], tmp_path, machine=ASCII_MACHINE)

    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [*expected_lines(case, CATALOGS), problems_found(1)]


def test_command_proves_real_content():
    result = run_module(["check", "--content", "content"], ROOT)

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("content/policy.yaml: ")
    assert "complete and unambiguous" in result.stdout
