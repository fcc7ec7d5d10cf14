"""A text with a count is one message with a plural: the English ``one`` (or ``other`` when English gives no
``one``) and ``other``, at the place of its first form in the file. A locale's catalog notes, after the English
note (its full stop dropped once), which ``msgstr[index]`` holds which form, with the first numbers of each.

The numbers in the notes are written by hand from CLDR's rules: Arabic uses six forms for whole numbers, French
three (0 and 1 are "one", a million "many"), Polish three (its "other" is for fractions only), English two.
"""

from __future__ import annotations

import pytest

from generator.content.diagnostics import Position
from generator.content.load import Document
from generator.content.locales import SiteLocale
from generator.i18n.messages import SourceMessage, extract_messages, messages_for

UNIT = "interface/units/business-day"
ONE, OTHER = "{count} business day", "{count} business days"
COUNTED = SourceMessage(UNIT, ONE, "A delay, form X.", "content/interface.yaml", 68, plural=OTHER)
MESSAGES = [
    SourceMessage("interface/site_name", "Help Center", "Site name.", "content/interface.yaml", 7),
    COUNTED,
    SourceMessage("interface/home/title", "Help", "Home title.", "content/interface.yaml", 9),
]


def _interface(units: dict[str, dict[str, str]]) -> Document:
    data = {"site_name": "Help Center", "units": units, "home": {"title": "Help"}}
    return Document("interface.yaml", data, {(): Position("interface.yaml", 1, 1)})


@pytest.mark.parametrize(
    ("forms", "msgid"),
    [
        pytest.param({"one": ONE, "other": OTHER}, (ONE, OTHER), id="one-and-other"),
        pytest.param({"other": OTHER}, (OTHER, OTHER), id="other-only"),
        pytest.param({"other": OTHER, "one": ONE, "many": "x"}, (ONE, OTHER), id="forms-english-does-not-use"),
    ],
)
def test_a_counted_text_is_one_message_with_a_plural_in_file_order(forms, msgid):
    messages = extract_messages([], _interface({"business-day": forms}))

    assert [(m.context, m.msgid) for m in messages] == [
        ("interface/site_name", "Help Center"),
        (UNIT, msgid),
        ("interface/home/title", "Help"),
    ]


@pytest.mark.parametrize(
    ("locale", "note"),
    [
        pytest.param(
            SiteLocale("ar-EG", "eg"),
            "A delay, form X. ar-EG: msgstr[0] (zero: 0, …); msgstr[1] (one: 1, …); msgstr[2] (two: 2, …); "
            "msgstr[3] (few: 3, 4, 5, …); msgstr[4] (many: 11, 12, 13, …); msgstr[5] (other: 100, 101, 102, …)",
            id="arabic",
        ),
        pytest.param(
            SiteLocale("fr-FR", "fr"),
            "A delay, form X. fr-FR: msgstr[0] (one: 0, 1, …); msgstr[1] (many: 1000000, 2000000, 3000000, …); "
            "msgstr[2] (other: 2, 3, 4, …)",
            id="french",
        ),
        pytest.param(
            SiteLocale("pl-PL", "pl"),
            "A delay, form X. pl-PL: msgstr[0] (one: 1, …); msgstr[1] (few: 2, 3, 4, …); msgstr[2] (many: 0, 5, 6, …)",
            id="polish",
        ),
        pytest.param(
            SiteLocale("en-US", "us"),
            "A delay, form X. en-US: msgstr[0] (one: 1, …); msgstr[1] (other: 0, 2, 3, …)",
            id="english",
        ),
    ],
)
def test_a_counted_text_tells_the_translator_the_numbers_of_each_form(locale, note):
    messages = messages_for(MESSAGES, locale)

    assert [m.context for m in messages] == [m.context for m in MESSAGES]
    assert [m.comment for m in messages if m.plural is not None] == [note]
    assert [m.comment for m in messages if m.plural is None] == ["Site name.", "Home title."]


@pytest.mark.parametrize(
    ("category", "english"),
    [
        pytest.param("one", ONE, id="one"),
        pytest.param("many", OTHER, id="many-is-other"),
        pytest.param("other", OTHER, id="other"),
    ],
)
def test_each_form_shows_its_english_until_translated(category, english):
    assert COUNTED.english(category) == english
