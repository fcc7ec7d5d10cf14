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
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po
from test_gettext import gettext_tools

from generator.content.diagnostics import Diagnostic
from generator.content.locales import SiteLocale
from generator.i18n.catalogs import Translations, check_catalog, read_catalog
from generator.i18n.messages import SourceMessage
from generator.i18n.plural_entries import empty_forms, in_our_layout, translated_forms
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


FRENCH = SiteLocale("fr-FR")
#: The texts with a count the catalogs below translate.
DAY = SourceMessage(
    "interface/units/day", "{count} day", "A delay.", "content/interface.yaml", 1, plural="{count} days"
)
WEEK = SourceMessage(
    "interface/units/week", "{count} week", "A delay.", "content/interface.yaml", 2, plural="{count} weeks"
)
DAY_ENGLISH = ("{count} day", "{count} days")
#: A French catalog's header (5 lines, its entries start at line 6): with gettext's old Plural-Forms (two forms),
#: as catalogs of one entry per form had it, and with CLDR's three forms, as catalogs have it now.
OLD_HEADER = 'msgid ""\nmsgstr ""\n"Language: fr_FR\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
HEADER = (
    'msgid ""\nmsgstr ""\n"Language: fr_FR\\n"\n'
    '"Plural-Forms: nplurals=3; plural=n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;\\n"\n\n'
)
#: The French of "{count} day" in its three forms (one, many, other), and a translation retired long ago.
JOURS = ("{count} jour", "{count} de jours", "{count} jours")
JOURNEES = ("{count} journée", "{count} de journées", "{count} journées")
#: Babel's key of a retired (#~) plural entry: its singular English, its context.
RETIRED_DAY = ("{count} day", "interface/units/day")


def old_form(category: str, french: str, notes: str = "", *, retired: bool = False) -> str:
    """An entry of one form of "{count} day", as catalogs had them; ``retired``: a ``#~`` one."""
    mark = "#~ " if retired else ""
    english = DAY_ENGLISH[0] if category == "one" else DAY_ENGLISH[1]
    return (
        f'{notes}{mark}msgctxt "interface/units/day/{category}"\n{mark}msgid "{english}"\n{mark}msgstr "{french}"\n\n'
    )


def old_forms(french: tuple[str, str, str], *, retired: bool = False) -> str:
    return "".join(
        old_form(category, text, retired=retired) for category, text in zip(FORMS["fr-FR"], french, strict=True)
    )


def plural_day(french: tuple[str, ...], *, retired: bool = False) -> str:
    """The plural entry of "{count} day"; ``retired``: a ``#~`` one."""
    mark = "#~ " if retired else ""
    lines = [f'msgctxt "{DAY.context}"', f'msgid "{DAY.text}"', f'msgid_plural "{DAY.plural}"']
    lines += [f'msgstr[{index}] "{text}"' for index, text in enumerate(french)]
    return "".join(f"{mark}{line}\n" for line in lines) + "\n"


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "fr-FR.po"
    path.write_text(text, encoding="utf-8")
    return path


def read(path: Path) -> Catalog:
    catalog, problems = read_catalog(path)
    assert problems == []
    assert catalog is not None
    return catalog


def located(problems: list[Diagnostic]) -> list[tuple[int, str]]:
    """Each problem as its line and its message."""
    return [(problem.position.line, problem.message) for problem in problems]


def current_and_retired(catalog: Catalog) -> tuple[dict[object, tuple[object, ...]], dict[object, tuple[object, ...]]]:
    """The English and forms of each current entry, by context, and of each retired (``#~``) one, by its key."""
    current = {message.context: (message.id, message.string) for message in catalog if message.id}
    retired = {key: (message.context, message.id, message.string) for key, message in catalog.obsolete.items()}
    return current, retired


def expected_entries(
    current: dict[str, tuple[str, ...]], retired: dict[tuple[str, str], tuple[str, ...]]
) -> tuple[dict[object, tuple[object, ...]], dict[object, tuple[object, ...]]]:
    """:func:`current_and_retired` of a catalog of "{count} day" entries with the forms given."""
    return (
        {context: (DAY_ENGLISH, french) for context, french in current.items()},
        {key: (DAY.context, DAY_ENGLISH, french) for key, french in retired.items()},
    )


STALE = '#, fuzzy\n#| msgid "{}"\n'


@pytest.mark.parametrize(
    ("body", "strings", "fuzzy", "previous"),
    [
        pytest.param(old_forms(JOURS), JOURS, False, [], id="translated"),
        pytest.param(
            old_form("one", JOURS[0]) + old_form("many", JOURS[1], "#, fuzzy\n") + old_form("other", JOURS[2]),
            JOURS,
            True,
            [],
            id="fuzzy-stays-fuzzy",
        ),
        pytest.param(
            old_form("one", JOURS[0])
            + old_form("many", JOURS[1], STALE.format("{count} dayz"))
            + old_form("other", JOURS[2]),
            JOURS,
            True,
            ["{count} day", "{count} dayz"],
            id="stale-keeps-its-english",
        ),
        pytest.param(
            old_form("one", JOURS[0], STALE.format("{count} dai"))
            + old_form("many", JOURS[1])
            + old_form("other", JOURS[2]),
            JOURS,
            True,
            ["{count} dai", "{count} days"],
            id="a-stale-singular-keeps-its-english-the-plural-is-todays",
        ),
        pytest.param(
            old_form("one", JOURS[0])
            + old_form("many", JOURS[1])
            + old_form("other", JOURS[2], STALE.format("{count} dayz")),
            JOURS,
            True,
            ["{count} day", "{count} dayz"],
            id="a-stale-plural-keeps-its-english-though-the-many-form-is-not-stale",
        ),
        pytest.param(
            old_form("one", JOURS[0]) + old_form("other", JOURS[2]),
            ("{count} jour", "", "{count} jours"),
            False,
            [],
            id="a-form-without-its-entry-is-empty",
        ),
    ],
)
def test_the_forms_of_a_catalog_of_one_entry_per_form_go_to_their_slots(tmp_path, body, strings, fuzzy, previous):
    catalog = read(written(tmp_path, OLD_HEADER + body))
    contexts = [message.context for message in catalog if message.id]

    (entry,) = [message for message in in_our_layout(catalog, FRENCH) if message.id]

    assert (entry.context, entry.id) == ("interface/units/day", DAY_ENGLISH)
    assert (entry.string, entry.fuzzy, list(entry.previous_id or [])) == (strings, fuzzy, previous)
    assert [message.context for message in catalog if message.id] == contexts, "the catalog read is kept as it was"


NOTES = {
    "one": "# Short: it fits a table cell.\n#. One day.\n",
    "many": "# After a million: « de jours ».\n#. A million days.\n",
    "other": "# Plural.\n#. Days.\n",
}


@pytest.mark.parametrize(
    ("order", "translator_notes", "source_notes"),
    [
        pytest.param(("one", "many", "other"), ["Short: it fits a table cell."], ["One day."], id="in-cldrs-order"),
        pytest.param(
            ("many", "one", "other"),
            ["After a million: « de jours »."],
            ["A million days."],
            id="sorted-by-context-as-tools-sort",
        ),
    ],
)
def test_forms_made_one_entry_keep_the_comments_and_the_line_of_the_first(
    tmp_path, order, translator_notes, source_notes
):
    french = dict(zip(FORMS["fr-FR"], JOURS, strict=True))
    body = "".join(old_form(category, french[category], NOTES[category]) for category in order)

    (entry,) = [message for message in in_our_layout(read(written(tmp_path, OLD_HEADER + body)), FRENCH) if message.id]

    assert entry.string == JOURS
    assert (entry.user_comments, entry.auto_comments) == (translator_notes, source_notes)
    assert entry.lineno == 10, "the msgstr of the first entry (its comments at 6 and 7, msgctxt 8, msgid 9)"


@pytest.mark.parametrize(
    ("body", "current", "retired"),
    [
        pytest.param(
            old_forms(JOURNEES, retired=True),
            {},
            {RETIRED_DAY: JOURNEES},
            id="retired-forms-become-one-retired-plural-entry",
        ),
        pytest.param(
            plural_day(JOURS) + old_forms(JOURNEES, retired=True),
            {DAY.context: JOURS},
            {RETIRED_DAY: JOURNEES},
            id="retired-forms-beside-the-current-entry-are-kept-retired",
        ),
        pytest.param(
            old_forms(JOURS) + plural_day(JOURNEES, retired=True),
            {DAY.context: JOURS},
            {RETIRED_DAY: JOURNEES},
            id="current-forms-beside-a-retired-plural-entry-stay-current",
        ),
        pytest.param(
            plural_day(JOURS) + old_forms(JOURNEES),
            {DAY.context: JOURS},
            {},
            id="current-forms-give-way-to-the-plural-entry-a-translators-tool-saw",
        ),
    ],
)
def test_retired_and_current_forms_each_become_one_plural_entry_of_their_own(tmp_path, body, current, retired):
    catalog = in_our_layout(read(written(tmp_path, HEADER + body)), FRENCH)

    assert current_and_retired(catalog) == expected_entries(current, retired), (
        "one #~ plural entry, under the key Babel gives it; the #~ entries of one form are gone"
    )


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


MANY, OTHER = "msgstr[1] (many: 1000000, 2000000, 3000000, …)", "msgstr[2] (other: 2, 3, 4, …)"


def empty(context: str, form: str) -> str:
    return (
        f"{context}: {form} is empty: fr-FR shows this form for these numbers; translate it (until every form is "
        "translated, the English is shown)"
    )


def old_empty(context: str, form: str) -> str:
    """An empty form of a catalog of one entry per form: ``form`` as ``msgstr[1] (many: …)``."""
    index, numbers = form.split(" ", 1)
    return (
        f"{context}: this form {numbers} is empty: fr-FR shows it for these numbers; translate it (until every form "
        f"is translated, the English is shown; i18n update makes the forms one entry, this one its {index})"
    )


WEEK_ENTRY = (  # lines 6 to 11 after a header
    'msgctxt "interface/units/week"\nmsgid "{count} week"\nmsgid_plural "{count} weeks"\n'
    'msgstr[0] "{count} semaine"\nmsgstr[1] "{count} de semaines"\nmsgstr[2] "{count} semaines"\n'
)
#: The start of the plural entry of "{count} day": its msgstr[0] is its fourth line.
ENTRY = 'msgctxt "interface/units/day"\nmsgid "{count} day"\nmsgid_plural "{count} days"\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            HEADER + WEEK_ENTRY + "\n" + ENTRY + 'msgstr[0] "{count} jour"\nmsgstr[1] ""\nmsgstr[2] "{count} jours"\n',
            [(17, empty("interface/units/day", MANY))],
            id="at-its-msgstr-in-the-second-entry",
        ),
        pytest.param(
            HEADER + ENTRY + 'msgstr[0] "{count} jour"\nmsgstr[1] "{count} de jours"\nmsgstr[2] ""\n',
            [(11, empty("interface/units/day", OTHER))],
            id="at-its-msgstr-on-the-last-line",
        ),
        pytest.param(
            HEADER + ENTRY + 'msgstr[0] "{count} jour"\nmsgstr[1] ""\n"{count} de jours"\nmsgstr[2] ""\n',
            [(12, empty("interface/units/day", OTHER))],
            id="at-its-msgstr-after-a-form-wrapped-as-msgcat-wraps",
        ),
        pytest.param(
            HEADER + ENTRY + 'msgstr[0] "{count} jour"\nmsgstr[1] "{count} de jours"\n',
            [(9, empty("interface/units/day", OTHER))],
            id="left-out-at-the-first-form-of-its-entry",
        ),
        pytest.param(
            HEADER
            + WEEK_ENTRY.replace('msgstr[2] "{count} semaines"\n', "")
            + "\n"
            + ENTRY
            + 'msgstr[0] "{count} jour"\nmsgstr[1] "{count} de jours"\nmsgstr[2] "{count} jours"\n',
            [(9, empty("interface/units/week", OTHER))],
            id="left-out-at-the-first-form-of-its-entry-not-at-that-form-of-the-next",
        ),
        pytest.param(
            OLD_HEADER
            + old_form("one", JOURS[0])
            + old_form("many", JOURS[1])
            + old_form("other", "").removesuffix("\n"),
            [(16, old_empty("interface/units/day/other", OTHER))],
            id="one-entry-per-form-at-that-forms-msgstr-on-the-last-line",
        ),
        pytest.param(
            old_form("many", "") + OLD_HEADER + old_form("one", JOURS[0]) + old_form("other", JOURS[2]),
            [(3, old_empty("interface/units/day/many", MANY))],
            id="one-entry-per-form-at-that-forms-msgstr-on-the-first-lines",
        ),
        pytest.param(
            OLD_HEADER + old_form("one", JOURS[0]) + old_form("other", JOURS[2]),
            [(8, empty("interface/units/day", MANY))],
            id="one-entry-per-form-without-that-forms-entry-at-the-first-entrys-msgstr",
        ),
    ],
)
def test_an_empty_form_is_reported_at_the_line_to_write(tmp_path, text, expected):
    path = written(tmp_path, text)

    problems = check_catalog(read(path), [DAY, WEEK], FRENCH, path, expected=[DAY, WEEK])

    assert located(problems) == expected


def too_many(named: str) -> str:
    return (
        f"{named}msgstr[3] is one form more than the 3 this catalog's Plural-Forms gives (nplurals=3: msgstr[0] to "
        "msgstr[2]): delete it"
    )


ITEMS = (
    'msgid "{count} item"\nmsgid_plural "{count} items"\nmsgstr[0] "a"\nmsgstr[1] "b"\nmsgstr[2] "c"\nmsgstr[3] "d"\n'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            HEADER + ENTRY + "".join(f'msgstr[{index}] "{{count}} jours"\n' for index in range(4)),
            [(12, too_many("interface/units/day: "))],
            id="named-by-its-msgctxt",
        ),
        pytest.param(HEADER + ITEMS, [(11, too_many(""))], id="without-msgctxt"),
        pytest.param(
            HEADER + 'msgctxt "toy/article/intro"\nmsgid "Hello."\nmsgstr "Bonjour."\n\n' + ITEMS,
            [(15, too_many(""))],
            id="without-msgctxt-after-an-entry-with-one",
        ),
        pytest.param(ITEMS + "\n" + HEADER, [(6, too_many(""))], id="without-msgctxt-before-the-header"),
        pytest.param('msgstr[3] "{count} jours"\n\n' + HEADER, [(1, too_many(""))], id="before-any-entry"),
    ],
)
def test_a_form_too_many_is_reported_at_its_line_with_its_entrys_context(tmp_path, text, expected):
    catalog, problems = read_catalog(written(tmp_path, text))

    assert catalog is None
    assert located(problems) == expected


@pytest.mark.parametrize(
    ("header", "forms", "expected"),
    [
        pytest.param("", 2, [], id="a-template-has-two-forms"),
        pytest.param('"Language: de_DE\\n"\n', 2, [], id="german-has-two-forms-as-babel-counts"),
        pytest.param('"Language: ru_RU\\n"\n', 3, [], id="russian-has-three-forms-as-babel-counts"),
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


def french_catalog(plural_forms: str, strings: str, language: str = "fr_FR") -> str:
    """A French catalog of one text with a count: ``Plural-Forms`` at line 4, ``msgstr[0]`` at line 10."""
    return (
        f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n'
        f'"Plural-Forms: {plural_forms}\\n"\n'
        '"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        f"{ENTRY}{strings}"
    )


THREE_FORMS = 'msgstr[0] "{count} jour"\nmsgstr[1] "{count} jours"\nmsgstr[2] "{count} jours"\n'
FRENCH_HEADER = "nplurals=3; plural=n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
WRITE_FRENCH = f'write "Plural-Forms: {FRENCH_HEADER}\\n"'
#: French's forms, as a message names them.
FRENCH_FORMS = "msgstr[0] (one: 0, 1, …), msgstr[1] (many: 1000000, 2000000, 3000000, …), msgstr[2] (other: 2, 3, 4, …)"
#: Arabic's six forms (zero, one, two, few, many, other), the most a language has.
ARABIC_HEADER = (
    "nplurals=6; plural=n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 "
    "&& n % 100 <= 99 ? 4 : 5;"
)


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            french_catalog("nplurals=1; plural=0;", 'msgstr[0] "{count}日"\n', "ja_JP"),
            [],
            id="japanese-has-one-form",
        ),
        pytest.param(
            french_catalog("nplurals=9; plural=n;", THREE_FORMS, "xx_YY"),
            [
                "fr-FR.po:4:1: error: Plural-Forms says nplurals=9; plural=n;, but a language has 1 to 6 forms for a "
                "count (nplurals): write the Plural-Forms line of the catalog's language"
            ],
            id="of-no-language-in-a-catalog-of-an-unknown-language",
        ),
        pytest.param(
            "\n" + french_catalog("nplurals=9; plural=n;", THREE_FORMS),
            [
                "fr-FR.po:5:1: error: Plural-Forms says nplurals=9; plural=n;, but a language has 1 to 6 forms for a "
                f"count (nplurals): {WRITE_FRENCH}"
            ],
            id="after-a-blank-first-line",
        ),
        pytest.param(
            french_catalog(ARABIC_HEADER, "".join(f'msgstr[{index}] "{{count}} يوم"\n' for index in range(6)), "ar_EG"),
            [],
            id="arabic-has-six-forms-the-most-a-language-has",
        ),
        pytest.param(
            french_catalog(f"nplurals=12; plural={'n % 10 == 1 ? 0 : ' * 11}11;", THREE_FORMS),
            [
                "fr-FR.po:4:1: error: Plural-Forms says nplurals=12; plural=n % 10 == 1 ? 0 : n % 10 == 1 ? 0 : n % 10 "
                f"== 1 ? 0 : n % 10, but a language has 1 to 6 forms for a count (nplurals): {WRITE_FRENCH}"
            ],
            id="a-long-header-is-shown-cut-at-80-characters",
        ),
        pytest.param(
            french_catalog("nplurals=2;", THREE_FORMS),
            [
                "fr-FR.po:4:1: error: Plural-Forms says nplurals=2; plural=?, but fr-FR has 3 forms for a count "
                f"({FRENCH_FORMS}): {WRITE_FRENCH}, then check that each msgstr[index] holds the form its numbers need"
            ],
            id="without-a-plural-expression",
        ),
    ],
)
def test_the_plural_forms_header_is_read_before_the_catalog(tmp_path, monkeypatch, text, expected):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fr-FR.po").write_text(text, encoding="utf-8")

    catalog, problems = read_catalog(tmp_path / "fr-FR.po")

    assert [str(problem) for problem in problems] == expected
    assert (catalog is None) == bool(expected)


#: French's forms as another tool orders them: msgstr[1] is the other form, msgstr[2] the many form.
OTHER_ORDER = "nplurals=3; plural=(n == 0 || n == 1) ? 0 : (n != 0 && n % 1000000 == 0) ? 2 : 1;"
OTHER_ORDER_HEADER = f'msgid ""\nmsgstr ""\n"Language: fr_FR\\n"\n"Plural-Forms: {OTHER_ORDER}\\n"\n\n'
#: The French of "{count} day" (and of the retired translation) in that order: one, other, many.
JOURS_OTHER_ORDER = ("{count} jour", "{count} jours", "{count} de jours")
JOURNEES_OTHER_ORDER = ("{count} journée", "{count} journées", "{count} de journées")
#: The expression of French's forms in the locale's order, as a catalog read gives it (no ";").
FRENCH_EXPRESSION = "n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2"


@pytest.mark.parametrize(
    ("text", "current", "retired"),
    [
        pytest.param(
            OTHER_ORDER_HEADER + plural_day(JOURS_OTHER_ORDER), {DAY.context: JOURS}, {}, id="a-current-plural-entry"
        ),
        pytest.param(
            OTHER_ORDER_HEADER + plural_day(JOURNEES_OTHER_ORDER, retired=True),
            {},
            {RETIRED_DAY: JOURNEES},
            id="a-retired-plural-entry-alone",
        ),
        pytest.param(
            OTHER_ORDER_HEADER + plural_day(JOURS_OTHER_ORDER) + plural_day(JOURNEES_OTHER_ORDER, retired=True),
            {DAY.context: JOURS},
            {RETIRED_DAY: JOURNEES},
            id="a-current-and-a-retired-plural-entry",
        ),
        pytest.param(
            OTHER_ORDER_HEADER + old_forms(JOURS) + plural_day(JOURNEES_OTHER_ORDER, retired=True),
            {DAY.context: JOURS},
            {RETIRED_DAY: JOURNEES},
            id="a-retired-plural-entry-beside-current-forms-of-one-entry-each",
        ),
        pytest.param(
            OLD_HEADER + old_forms(JOURS), {DAY.context: JOURS}, {}, id="one-entry-per-form-gettexts-old-header"
        ),
    ],
)
def test_a_catalog_whose_forms_move_comes_out_in_the_locales_order_with_our_header(tmp_path, text, current, retired):
    catalog = read(written(tmp_path, text))
    as_read = (current_and_retired(catalog), catalog.num_plurals, catalog.plural_expr)

    laid_out = in_our_layout(catalog, FRENCH)

    assert current_and_retired(laid_out) == expected_entries(current, retired)
    assert (laid_out.num_plurals, laid_out.plural_expr) == (3, FRENCH_EXPRESSION)
    assert dict(laid_out.mime_headers)["Plural-Forms"] == FRENCH_HEADER
    assert (current_and_retired(catalog), catalog.num_plurals, catalog.plural_expr) == as_read, (
        "the catalog read is kept"
    )


@pytest.mark.parametrize(
    ("strings", "expected"),
    [
        pytest.param(JOURS_OTHER_ORDER, JOURS, id="every-form"),
        pytest.param(("{count} jour", "{count} jours"), ("{count} jour", "", "{count} jours"), id="without-many"),
        pytest.param(("{count} jour",), ("{count} jour", "", ""), id="one-form-only"),
    ],
)
def test_a_form_an_entry_in_another_order_leaves_out_comes_out_empty(strings, expected):
    catalog = Catalog(locale="fr_FR")
    catalog.mime_headers = [("Plural-Forms", OTHER_ORDER)]
    catalog.add(DAY_ENGLISH, strings, context=DAY.context)

    (entry,) = [message for message in in_our_layout(catalog, FRENCH) if message.id]

    assert entry.string == expected
    assert [message.string for message in catalog if message.id] == [strings], "the catalog read is kept"


SINGULAR_DAY = f'msgctxt "{DAY.context}"\nmsgid "{{count}} day"\nmsgstr "{{count}} jour"\n\n'


def singular(context: str) -> str:
    return f'msgctxt "{context}"\nmsgid "Other"\nmsgstr "Autre"\n\n'


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(HEADER + plural_day(JOURS) + plural_day(JOURNEES, retired=True), id="in-our-layout"),
        pytest.param(
            HEADER.replace(FRENCH_HEADER, POEDIT_EXPRESSIONS["fr-FR"]) + plural_day(JOURS),
            id="the-same-order-written-otherwise",
        ),
        pytest.param(OTHER_ORDER_HEADER + SINGULAR_DAY, id="another-order-without-plural-entries"),
        pytest.param(HEADER + singular("interface/units/day/firstly"), id="a-units-text-ending-in-no-category"),
        pytest.param(HEADER + singular("interface/units/other"), id="a-units-text-that-is-no-form-of-one"),
        pytest.param(HEADER + singular("help/article/title/other"), id="a-text-out-of-the-units-ending-in-a-category"),
        pytest.param(
            HEADER + plural_day(JOURS).replace(f'"{DAY.context}"', f'"{DAY.context}/one"'),
            id="a-plural-entry-whose-context-ends-in-a-category",
        ),
    ],
)
def test_a_catalog_in_our_layout_is_returned_as_it_is(tmp_path, text):
    catalog = read(written(tmp_path, text))

    assert in_our_layout(catalog, FRENCH) is catalog


def other_forms(said: str) -> str:
    return (
        f"Plural-Forms says {said}, but fr-FR has 3 forms for a count ({FRENCH_FORMS}): {WRITE_FRENCH}, then check "
        "that each msgstr[index] holds the form its numbers need"
    )


TWO_FORMS = 'msgstr[0] "{count} jour"\nmsgstr[1] "{count} jours"\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            french_catalog(f"nplurals=4; plural={FRENCH_EXPRESSION};", THREE_FORMS),
            [(4, other_forms(f"nplurals=4; plural={FRENCH_EXPRESSION}"))],
            id="one-form-too-many-at-its-line",
        ),
        pytest.param(
            'msgid ""\nmsgstr ""\n"Language: fr_FR\\n"\n\n' + ENTRY + TWO_FORMS,
            [(1, other_forms("nplurals=2; plural=(n > 1)"))],
            id="none-babel-counts-two-french-forms-at-the-first-line",
        ),
        pytest.param(french_catalog(OTHER_ORDER, THREE_FORMS), [], id="the-same-forms-in-another-order"),
    ],
)
def test_a_plural_forms_header_of_other_forms_is_reported_with_the_header_to_write(tmp_path, text, expected):
    path = written(tmp_path, text)

    problems = check_catalog(read(path), [DAY], FRENCH, path, expected=[DAY])

    assert located(problems) == expected


ONE_EMPTY = 'msgstr[0] "{count} jour"\nmsgstr[1] ""\nmsgstr[2] "{count} jours"\n'
DAY_WITHOUT_A_COUNT = SourceMessage(DAY.context, DAY.text, "A delay.", "content/interface.yaml", 1)


@pytest.mark.parametrize(
    ("text", "sources", "expected"),
    [
        pytest.param(
            HEADER + ENTRY + ONE_EMPTY, [DAY], [(10, empty(DAY.context, MANY))], id="a-text-with-a-count-of-the-content"
        ),
        pytest.param(HEADER + ENTRY + ONE_EMPTY, [WEEK], [], id="a-text-the-content-no-longer-has"),
        pytest.param(
            HEADER + ENTRY + ONE_EMPTY, [DAY_WITHOUT_A_COUNT], [], id="a-text-the-content-has-without-a-count"
        ),
        pytest.param(
            french_catalog(f"nplurals=4; plural={FRENCH_EXPRESSION};", THREE_FORMS + 'msgstr[3] ""\n'),
            [DAY],
            [],
            id="a-form-past-the-locales-forms",
        ),
    ],
)
def test_an_empty_form_is_reported_only_in_a_text_with_a_count_of_the_content_among_the_locales_forms(
    tmp_path, text, sources, expected
):
    path = written(tmp_path, text)

    problems = empty_forms(read(path), sources, FRENCH, path)

    assert located(problems) == expected


@pytest.mark.parametrize(
    ("entry", "source", "nplurals", "expected"),
    [
        pytest.param(None, DAY, 3, None, id="no-entry"),
        pytest.param(Message(DAY_ENGLISH, JOURS, context=DAY.context), DAY, 3, JOURS, id="every-form"),
        pytest.param(
            Message(DAY_ENGLISH, ("{count} jour", "", "{count} jours"), context=DAY.context),
            DAY,
            3,
            None,
            id="a-form-empty",
        ),
        pytest.param(
            Message(DAY_ENGLISH, ("{count} jour", "{count} jours"), context=DAY.context),
            DAY,
            3,
            None,
            id="two-forms-of-three",
        ),
        pytest.param(
            Message("{count} day", "{count}日", context=DAY.context), DAY, 1, None, id="one-msgstr-for-the-one-form"
        ),
        pytest.param(
            Message("{count} day", "{count} jour", context=DAY.context),
            DAY_WITHOUT_A_COUNT,
            3,
            "{count} jour",
            id="a-text-without-a-count",
        ),
        pytest.param(Message("{count} day", "", context=DAY.context), DAY_WITHOUT_A_COUNT, 3, None, id="untranslated"),
    ],
)
def test_a_text_with_a_count_is_translated_when_its_plural_entry_gives_every_form(entry, source, nplurals, expected):
    assert translated_forms(entry, source, nplurals) == expected


#: A text with a count whose English singular has no placeholder: "One day", "{count} days".
ONE_DAY = SourceMessage(DAY.context, "One day", "", "content/interface.yaml", 1, plural="{count} days")
ONE_DAY_ENTRY = 'msgctxt "interface/units/day"\nmsgid "One day"\nmsgid_plural "{count} days"\n'
HAS_COUNT = "interface/units/day: the translation has the placeholder {count}, which the English does not"
DROPS_COUNT = "interface/units/day: the translation drops the placeholder {count}"


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        pytest.param(("Un jour", "{count} de jours", "{count} jours"), [], id="each-form-as-its-english"),
        pytest.param(("{count} jour", "{count} de jours", "{count} jours"), [(9, HAS_COUNT)], id="one-with-a-count"),
        pytest.param(("Un jour", "{count} de jours", "Des jours"), [(9, DROPS_COUNT)], id="other-without-its-count"),
        pytest.param(("Un jour", "De jours", "{count} jours"), [(9, DROPS_COUNT)], id="many-without-its-count"),
        pytest.param(("Un jour", "", "{count} jours"), [(10, empty(DAY.context, MANY))], id="many-empty"),
    ],
)
def test_the_one_form_is_held_to_the_english_singular_and_the_others_to_the_plural(tmp_path, forms, expected):
    strings = "".join(f'msgstr[{index}] "{form}"\n' for index, form in enumerate(forms))
    path = written(tmp_path, HEADER + ONE_DAY_ENTRY + strings)

    problems = check_catalog(read(path), [ONE_DAY], FRENCH, path)  # the texts expected: those of the content

    assert located(problems) == expected
