"""Texts with a count are gettext plural entries, and survive translators' tools and the catalogs of before.

* The committed catalogs hold one plural entry per text with a count, with CLDR's number of forms (written
  here by hand: French, Spanish and Italian 3, German 2).
* A catalog saved back unchanged by ``msgcat``, by Babel's writer (wrapping at 76 columns) or as Poedit saves
  it (its header order, ``X-Generator``, its own expression for the same forms, wrapped lines) reads as the
  same entries, and ``check --strict`` finds nothing.
* A catalog of one entry per form, as catalogs were before, reads the same, and ``i18n update`` turns it into
  exactly the committed catalog: no form is lost, none moves to another slot.
"""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from test_gettext import gettext_tools

from generator.content.locales import SiteLocale
from generator.i18n.catalogs import Translations, read_catalog
from generator.i18n.messages import SourceMessage
from support import run_cli as run

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "content" / "locales"
UNITS = ["business-day", "day", "week", "month", "question"]
#: Each locale's forms of a count, by msgstr index: CLDR's categories for whole numbers.
FORMS = {
    "fr-FR": ("one", "many", "other"),
    "es-ES": ("one", "many", "other"),
    "it-IT": ("one", "many", "other"),
    "de-DE": ("one", "other"),
}
#: The Plural-Forms expression Poedit writes (its own spelling of the same forms).
POEDIT_EXPRESSIONS = {
    "fr-FR": "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
    "es-ES": "nplurals=3; plural=n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
    "it-IT": "nplurals=3; plural=n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
    "de-DE": "nplurals=2; plural=(n != 1);",
}


def entries(path: Path) -> list[tuple[object, ...]]:
    """What our reader takes from a catalog: each entry's context, English, translation, flag and previous English."""
    catalog, problems = read_catalog(path)
    assert problems == []
    assert catalog is not None
    return sorted(
        (message.context, message.id, message.string, message.fuzzy, tuple(message.previous_id or ()))
        for message in [*catalog, *catalog.obsolete.values()]
        if message.id
    )


@pytest.mark.parametrize("tag", list(FORMS))
def test_the_committed_catalogs_have_one_plural_entry_per_text_with_a_count(tag):
    text = (LOCALES / f"{tag}.po").read_text(encoding="utf-8")
    count = len(FORMS[tag])

    assert f'"Plural-Forms: nplurals={count}; plural=' in text
    for unit in UNITS:
        entry = text[text.index(f'msgctxt "interface/units/{unit}"\n') :].split("\n\n", 1)[0].split("\n")
        assert entry[2].startswith("msgid_plural ")
        assert [line.split(" ", 1)[0] for line in entry[3:]] == [f"msgstr[{index}]" for index in range(count)]
    assert "interface/units/business-day/" not in text


def test_the_template_has_two_empty_forms():
    text = (LOCALES / "messages.pot").read_text(encoding="utf-8")
    assert (
        'msgctxt "interface/units/day"\nmsgid "{count} day"\nmsgid_plural "{count} days"\nmsgstr[0] ""\nmsgstr[1] ""\n'
    ) in text


def _msgcat(path: Path) -> str:
    _, msgcat = gettext_tools()
    done = subprocess.run([msgcat, str(path)], capture_output=True, text=True, check=True, timeout=60)
    return done.stdout


def _babel(path: Path) -> str:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    written = io.BytesIO()
    write_po(written, catalog, width=76)
    return written.getvalue().decode("utf-8")


def _poedit(path: Path) -> str:
    """Save as Poedit 3 does: msgcat's wrapping, its header order, its name, its own Plural-Forms expression."""
    text = _msgcat(path)
    header, rest = text.split("\n\n", 1)
    fields = dict(re.findall(r'^"([A-Za-z-]+): (.*)\\n"$', header, flags=re.M))
    fields["Plural-Forms"] = POEDIT_EXPRESSIONS[path.stem]
    fields["Last-Translator"] = "Camille Martin <camille@example.org>"
    fields["PO-Revision-Date"] = "2026-12-05 10:00+0100"
    fields["X-Generator"] = "Poedit 3.4.2"
    order = [
        "Project-Id-Version",
        "Report-Msgid-Bugs-To",
        "POT-Creation-Date",
        "PO-Revision-Date",
        "Last-Translator",
        "Language-Team",
        "Language",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Plural-Forms",
        "X-Generator",
    ]
    lines = ['msgid ""', 'msgstr ""', *(f'"{name}: {fields[name]}\\n"' for name in order if name in fields)]
    return "\n".join(lines) + "\n\n" + rest


TOOLS = [
    pytest.param(_msgcat, id="msgcat"),
    pytest.param(_babel, id="babel-width-76"),
    pytest.param(_poedit, id="poedit"),
]


@pytest.mark.parametrize("tag", list(FORMS))
@pytest.mark.parametrize("save", TOOLS)
def test_a_catalog_saved_by_a_translators_tool_reads_the_same(project, capsys, save: Callable[[Path], str], tag):
    path = project / "content" / "locales" / f"{tag}.po"
    before = entries(path)
    saved = save(path)
    assert saved != path.read_text(encoding="utf-8"), "the tool wrote the file its own way"
    path.write_text(saved, encoding="utf-8")

    assert entries(path) == before
    assert run(capsys, "check", "--strict")[:3:2] == (0, "")


def as_before(text: str, tag: str) -> str:
    """The catalog as catalogs were before texts with a count were plural entries: one entry per form, gettext's
    old Plural-Forms for the language."""
    forms = FORMS[tag]

    def split(found: re.Match[str]) -> str:
        context, one, other = found["context"], found["one"], found["other"]
        strings = re.findall(r'^msgstr\[\d+] (".*")$', found["strings"], flags=re.M)
        return "\n".join(
            f'{found["notes"]}msgctxt "{context}/{category}"\nmsgid {one if category == "one" else other}\n'
            f"msgstr {string}\n"
            for category, string in zip(forms, strings, strict=True)
        )

    entry = re.compile(
        r'(?P<notes>(?:#.*\n)*)msgctxt "(?P<context>interface/units/[a-z-]+)"\nmsgid (?P<one>".*")\n'
        r"msgid_plural (?P<other>\".*\")\n(?P<strings>(?:msgstr\[\d+] .*\n)+)"
    )
    old = entry.sub(split, text)
    return re.sub(r'"Plural-Forms: .*\\n"', r'"Plural-Forms: nplurals=2; plural=(n > 1);\\n"', old)


@pytest.mark.parametrize("tag", list(FORMS))
def test_a_catalog_of_one_entry_per_form_reads_the_same_and_update_makes_it_a_plural_entry(project, capsys, tag):
    path = project / "content" / "locales" / f"{tag}.po"
    committed = path.read_text(encoding="utf-8")
    old = as_before(committed, tag)
    assert old.count('msgctxt "interface/units/day/') == len(FORMS[tag])
    path.write_text(old, encoding="utf-8")
    _, status_now, _ = run(capsys, "i18n", "status")

    assert run(capsys, "check", "--strict")[:3:2] == (0, "")
    assert run(capsys, "i18n", "update")[0] == 0

    dates = re.compile(r'^"POT-Creation-Date: .*$', flags=re.M)
    assert dates.sub("", path.read_text(encoding="utf-8")) == dates.sub("", committed)
    assert run(capsys, "i18n", "status")[1] == status_now


OLD_DAYS = """msgid ""
msgstr ""
"Language: fr_FR\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

msgctxt "interface/units/day/one"
msgid "{count} day"
msgstr "{count} jour"

{many}msgctxt "interface/units/day/many"
msgid "{count} days"
msgstr "{count} jours"

msgctxt "interface/units/day/other"
msgid "{count} days"
msgstr "{count} jours"
"""


@pytest.mark.parametrize(
    ("many", "fuzzy", "previous"),
    [
        pytest.param("", False, [], id="translated"),
        pytest.param("#, fuzzy\n", True, [], id="fuzzy-stays-fuzzy"),
        pytest.param(
            '#, fuzzy\n#| msgid "{count} dayz"\n', True, ["{count} day", "{count} dayz"], id="stale-keeps-its-english"
        ),
    ],
)
def test_the_forms_of_a_catalog_of_one_entry_per_form_go_to_their_slots(tmp_path, many, fuzzy, previous):
    from generator.content.locales import SiteLocale
    from generator.i18n.plural_entries import in_our_layout

    path = tmp_path / "fr-FR.po"
    path.write_text(
        OLD_DAYS.replace("{many}", many).replace(
            '{count} jours"\n\nmsgctxt "interface/units/day/other',
            '{count} de jours"\n\nmsgctxt "interface/units/day/other',
        ),
        encoding="utf-8",
    )
    catalog, problems = read_catalog(path)
    assert problems == []

    (entry,) = [message for message in in_our_layout(catalog, SiteLocale("fr-FR")) if message.id]

    assert (entry.context, entry.id) == ("interface/units/day", ("{count} day", "{count} days"))
    assert entry.string == ("{count} jour", "{count} de jours", "{count} jours")
    assert (entry.fuzzy, list(entry.previous_id or [])) == (fuzzy, previous)
    assert [message.context for message in catalog if message.id] == [
        f"interface/units/day/{category}" for category in ("one", "many", "other")
    ], "the catalog read is kept as it was"


def test_a_text_with_a_count_to_translate_is_listed_with_both_its_english_forms(project, capsys):
    path = project / "content" / "locales" / "fr-FR.po"
    text = path.read_text(encoding="utf-8")
    start = text.index('msgctxt "interface/units/day"\n')
    end = text.index("\n\n", start)
    path.write_text(text[:start] + re.sub(r'(msgstr\[\d]) ".*"', r'\1 ""', text[start:end]) + text[end:], "utf-8")
    line = text[:start].count("\n") + 4  # msgctxt, msgid, msgid_plural, then msgstr[0]

    status, out, _ = run(capsys, "i18n", "status", "--list", "fr-FR")

    assert (status, out.splitlines()) == (
        0,
        [f"content/locales/fr-FR.po:{line}: missing: interface/units/day", "  now: {count} day / {count} days"],
    )


ENTRY = 'msgctxt "interface/units/day"\nmsgid "{count} day"\nmsgid_plural "{count} days"\n'


@pytest.mark.parametrize(
    ("header", "forms", "expected"),
    [
        pytest.param("", 2, [], id="a-template-has-two-forms"),
        pytest.param('"Language: de_DE\\n"\n', 2, [], id="german-has-two-forms-as-babel-counts"),
        pytest.param(
            '"Language: fr_FR\\n"\n',
            3,
            [
                "fr-FR.po:11:1: error: interface/units/day: msgstr[2] is a form the catalog does not expect: its "
                'header (the first entry, msgid "") has no Plural-Forms line, which says how many forms a text with '
                'a count has; write "Plural-Forms: nplurals=3; plural=n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 '
                '== 0 ? 1 : 2;\\n" in it'
            ],
            id="french-has-three-forms-babel-counts-two",
        ),
        pytest.param(
            '"Language: xx_YY\\n"\n',
            3,
            [
                "fr-FR.po:11:1: error: interface/units/day: msgstr[2] is a form the catalog does not expect: its "
                'header (the first entry, msgid "") has no Plural-Forms line, which says how many forms a text with '
                "a count has; write the Plural-Forms line of its language in it"
            ],
            id="an-unknown-language",
        ),
    ],
)
def test_a_catalog_without_plural_forms_is_read_when_babel_counts_its_forms(
    tmp_path, monkeypatch, header, forms, expected
):
    monkeypatch.chdir(tmp_path)
    strings = "".join(f'msgstr[{index}] "{{count}} j"\n' for index in range(forms))
    text = f'msgid ""\nmsgstr ""\n{header}"Content-Type: text/plain; charset=utf-8\\n"\n\n{ENTRY}{strings}'
    if not header:
        text = text.replace("\n\n", "\n\n\n", 1)  # the same lines as with a Language line
    (tmp_path / "fr-FR.po").write_text(text, encoding="utf-8")

    catalog, problems = read_catalog(tmp_path / "fr-FR.po")

    assert [str(problem) for problem in problems] == expected
    assert (catalog is None) == bool(expected)


def french_catalog(plural_forms: str, strings: str) -> str:
    """A French catalog of one text with a count: ``Plural-Forms`` at line 4, ``msgstr[0]`` at line 10."""
    return (
        'msgid ""\nmsgstr ""\n"Language: fr_FR\\n"\n'
        f'"Plural-Forms: {plural_forms}\\n"\n'
        '"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        f"{ENTRY}{strings}"
    )


THREE_FORMS = 'msgstr[0] "{count} jour"\nmsgstr[1] "{count} jours"\nmsgstr[2] "{count} jours"\n'
FRENCH_HEADER = "nplurals=3; plural=n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
WRITE_FRENCH = f'write "Plural-Forms: {FRENCH_HEADER}\\n"'


@pytest.mark.parametrize(
    ("plural_forms", "strings", "expected"),
    [
        pytest.param(
            "nplurals=99999999999; plural=n;",
            THREE_FORMS,
            "fr-FR.po:4:1: error: Plural-Forms says nplurals=99999999999; plural=n;, but a language has 1 to "
            f"6 forms for a count (nplurals): {WRITE_FRENCH}",
            id="nplurals-of-no-language-is-refused-before-babel-makes-that-many-forms",
        ),
        pytest.param(
            "nplurals=0; plural=0;",
            THREE_FORMS,
            "fr-FR.po:4:1: error: Plural-Forms says nplurals=0; plural=0;, but a language has 1 to 6 forms "
            f"for a count (nplurals): {WRITE_FRENCH}",
            id="no-form",
        ),
        pytest.param(
            "nplurals=2; plural=n>1;",
            THREE_FORMS,
            "fr-FR.po:4:1: error: Plural-Forms says nplurals=2; plural=n>1, but fr-FR has 3 forms for a count "
            "(msgstr[0] (one: 0, 1, …), msgstr[1] (many: 1000000, 2000000, 3000000, …), msgstr[2] (other: 2, 3, 4, "
            f"…)): {WRITE_FRENCH}, then check that each msgstr[index] holds the form its numbers need",
            id="a-tool-wrote-two-forms-the-header-is-the-fix-not-the-third-form",
        ),
        pytest.param(
            FRENCH_HEADER,
            THREE_FORMS + 'msgstr[1] "{count} jours encore"\n',
            "fr-FR.po:13:1: error: interface/units/day: msgstr[1] is given twice in this entry (first at line 11): a "
            "tool keeps only one; delete the one whose translation is not the one you want",
            id="a-form-given-twice",
        ),
        pytest.param(
            FRENCH_HEADER,
            THREE_FORMS + 'msgstr[3] "{count} jours"\n',
            "fr-FR.po:13:1: error: interface/units/day: msgstr[3] is one form more than the 3 this catalog's "
            "Plural-Forms gives (nplurals=3: msgstr[0] to msgstr[2]): delete it",
            id="a-form-past-nplurals",
        ),
    ],
)
def test_forms_babel_would_refuse_or_drop_are_located_errors(tmp_path, monkeypatch, plural_forms, strings, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fr-FR.po").write_text(french_catalog(plural_forms, strings), encoding="utf-8")

    catalog, problems = read_catalog(tmp_path / "fr-FR.po")

    assert catalog is None
    assert [str(problem) for problem in problems] == [expected]


@pytest.mark.parametrize(
    "expression", ["n % 0", "n / (n - 1)", "(n - n) ? 0 : 1 / 0"], ids=["modulo", "divide", "zero"]
)
def test_a_plural_expression_that_divides_by_zero_is_an_error_at_the_header(project, capsys, expression):
    catalog = project / "content/locales/fr-FR.po"
    text = catalog.read_text(encoding="utf-8")
    said = re.search(r'^"Plural-Forms: .*$', text, re.M)
    assert said is not None
    catalog.write_text(text.replace(said[0], f'"Plural-Forms: nplurals=3; plural={expression};\\n"'), encoding="utf-8")
    line = text.count("\n", 0, said.start()) + 1

    status, _, err = run(capsys, "check")

    assert status == 1
    assert f"content/locales/fr-FR.po:{line}:1: error: Plural-Forms says nplurals=3; plural={expression}, but" in err
    assert "Traceback" not in err


SINGLE_FOR_A_COUNT = (
    'msgctxt "interface/units/business-day"\nmsgid "{count} business day"\nmsgid_plural "{count} business days"\n'
    'msgstr[0] "{count} jour ouvré"\nmsgstr[1] "{count} jours ouvrés"\nmsgstr[2] "{count} jours ouvrés"\n',
    'msgctxt "interface/units/business-day"\nmsgid "{count} business day"\nmsgstr "{count} jours ouvrés"\n',
    "interface/units/business-day: this text has a count, but its entry has one msgstr: write it with msgid_plural "
    '"{count} business days" and a form for each count (msgstr[0] (one), msgstr[1] (many), msgstr[2] (other)), as '
    "in messages.pot; until then, the English is shown",
)
FORMS_FOR_NO_COUNT = (
    'msgctxt "trade-in/outcomes/free-return/title"\nmsgid "The refurbisher sends your device back for free"\n'
    'msgstr "Le reconditionneur vous renvoie votre appareil gratuitement"\n',
    'msgctxt "trade-in/outcomes/free-return/title"\nmsgid "The refurbisher sends your device back for free"\n'
    'msgid_plural "The refurbisher sends your devices back for free"\n'
    'msgstr[0] "Le reconditionneur vous renvoie votre appareil gratuitement"\n'
    'msgstr[1] "Le reconditionneur vous renvoie vos appareils gratuitement"\nmsgstr[2] "Idem"\n',
    "trade-in/outcomes/free-return/title: this text has no count, but its entry has forms (msgid_plural, "
    "msgstr[index]): write it as one msgid and one msgstr, as in messages.pot; until then, the English is shown",
)


@pytest.mark.parametrize(
    ("entry", "written", "expected"),
    [
        pytest.param(*SINGLE_FOR_A_COUNT, id="one-msgstr-for-a-text-with-a-count"),
        pytest.param(*FORMS_FOR_NO_COUNT, id="forms-for-a-text-with-no-count"),
    ],
)
def test_an_entry_of_the_wrong_shape_is_an_error_and_shows_english(project, capsys, entry, written, expected):
    catalog = project / "content/locales/fr-FR.po"
    text = catalog.read_text(encoding="utf-8")
    assert entry in text
    catalog.write_text(text.replace(entry, written), encoding="utf-8")
    line = text.count("\n", 0, text.index(entry)) + 1

    status, _, err = run(capsys, "check")

    assert status == 1
    msgstr_line = line + written[: written.index("msgstr")].count("\n")
    assert f"content/locales/fr-FR.po:{msgstr_line}:1: error: {expected}" in err.splitlines()
    read, _ = read_catalog(catalog)
    assert read is not None
    context = expected.split(":")[0]
    ids = re.findall(r'^msgid(?:_plural)? "(.*)"$', entry, re.M)  # the English as the content says it now
    english = [SourceMessage(context, ids[0], "", "policy.yaml", 1, plural=ids[1] if len(ids) > 1 else None)]
    assert Translations(read, english, SiteLocale("fr-FR", "fr")).get(context) is None  # the English shows
