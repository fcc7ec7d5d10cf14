"""A text with a count becomes one message per plural form the locale needs, in CLDR order, each starting from
the English form of that category or else the English "other", with a note that says which numbers it is for (after the English note, its full stop
dropped once).

Arabic needs all six CLDR categories (zero, one, two, few, many, other), French three, English two; the rules
quoted in the notes are CLDR's, as Babel spells them.
"""

from __future__ import annotations

import pytest

from generator.content.locales import SiteLocale
from generator.i18n.messages import SourceMessage, messages_for

UNIT = "interface/units/business-day"
MESSAGES = [
    SourceMessage("interface/site_name", "Help Center", "Site name.", "content/interface.yaml", 7),
    SourceMessage(f"{UNIT}/one", "{count} business day", "A delay, form X.", "content/interface.yaml", 68),
    SourceMessage(f"{UNIT}/other", "{count} business days", "A delay, form X.", "content/interface.yaml", 69),
    SourceMessage("interface/home/title", "Help", "Home title.", "content/interface.yaml", 9),
]
ONE, OTHER = "{count} business day", "{count} business days"


@pytest.mark.parametrize(
    ("locale", "forms"),
    [
        pytest.param(
            SiteLocale("ar-EG", "eg"),
            [("zero", OTHER), ("one", ONE), ("two", OTHER), ("few", OTHER), ("many", OTHER), ("other", OTHER)],
            id="arabic",
        ),
        pytest.param(SiteLocale("fr-FR", "fr"), [("one", ONE), ("many", OTHER), ("other", OTHER)], id="french"),
        pytest.param(
            SiteLocale("pl-PL", "pl"), [("one", ONE), ("few", OTHER), ("many", OTHER), ("other", OTHER)], id="polish"
        ),
        pytest.param(SiteLocale("en-US", "us"), [("one", ONE), ("other", OTHER)], id="english"),
    ],
)
def test_a_counted_text_becomes_one_message_per_plural_form_in_file_order(locale, forms):
    messages = messages_for(MESSAGES, locale)

    assert [(m.context, m.text) for m in messages] == [
        ("interface/site_name", "Help Center"),
        *[(f"{UNIT}/{category}", text) for category, text in forms],
        ("interface/home/title", "Help"),
    ]
    assert {m.line for m in messages if m.context.startswith(UNIT)} <= {68, 69}


@pytest.mark.parametrize(
    ("category", "comment"),
    [
        pytest.param(
            "zero", "A delay, form X. Plural form 'zero' (CLDR rule: n in 0); {count} is the number", id="zero"
        ),
        pytest.param("two", "A delay, form X. Plural form 'two' (CLDR rule: n in 2); {count} is the number", id="two"),
        pytest.param(
            "other", "A delay, form X. Plural form 'other' (any other number); {count} is the number", id="other"
        ),
    ],
)
def test_each_plural_form_tells_the_translator_its_numbers(category, comment):
    (message,) = [m for m in messages_for(MESSAGES, SiteLocale("ar-EG", "eg")) if m.context == f"{UNIT}/{category}"]

    assert message.comment == comment
