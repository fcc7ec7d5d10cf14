"""The content as a locale reads it: its translations in place of the English, the English where a text has
none (and said so), names and positions kept, and the source content left as it was.

Expected French texts are copied from content/locales/fr-FR.po; the English from content/interface.yaml.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from generator.content.locales import SiteLocale
from generator.helpcenter.folder import load_content
from generator.helpcenter.translate import localize
from generator.i18n.catalogs import Translations

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

FRENCH = SiteLocale("fr-FR", "fr")
ENGLISH_BUSINESS_DAYS = {
    "one": "{count} business day",
    "many": "{count} business days",
    "other": "{count} business days",
}


def test_a_translated_locale_reads_its_translations_with_no_fallback(content):
    localized = localize(content, FRENCH)

    assert localized.interface.site_name == "Centre d’aide"
    assert localized.interface.units["business-day"] == {
        "one": "{count} jour ouvré",
        "many": "{count} jours ouvrés",
        "other": "{count} jours ouvrés",
    }
    assert localized.untranslated == {}


def test_a_name_fact_is_never_looked_up(content):
    localized = localize(content, FRENCH)

    assert localized.help_center.facts["marketplace"].value == "Back Market"
    assert localized.policy.facts["carrier"].value == "UPS"
    assert "Back Market" not in localized.untranslated
    assert "UPS" not in localized.untranslated


def test_a_locale_without_a_catalog_reads_the_english_marked_as_such(content):
    without = dataclasses.replace(content, translations={k: v for k, v in content.translations.items() if k != "fr-FR"})

    localized = localize(without, FRENCH)

    assert localized.interface.site_name == "Help Center"
    # French needs a "many" form that English has not: it falls back to the English "other".
    assert localized.interface.units["business-day"] == ENGLISH_BUSINESS_DAYS
    assert localized.untranslated["Help Center"] == "en-US"
    assert localized.untranslated["{count} business day"] == "en-US"


def test_the_interface_is_translated_whatever_the_order_of_its_fields(content):
    data = content.interface_document.data
    units_first = {"units": data["units"], **{key: value for key, value in data.items() if key != "units"}}
    reordered = dataclasses.replace(
        content, interface_document=dataclasses.replace(content.interface_document, data=units_first)
    )

    localized = localize(reordered, FRENCH)

    assert localized.interface.site_name == "Centre d’aide"
    assert localized.untranslated == {}


def test_localizing_keeps_the_positions_and_leaves_the_source_content_untouched():
    content = load_content(CONTENT_DIR)  # not the session's: another test may have localized that one already
    policy, interface = copy.deepcopy(content.policy_document.data), copy.deepcopy(content.interface_document.data)

    localized = localize(content, FRENCH)

    assert [q.where for q in localized.policy.questions] == [q.where for q in content.policy.questions]
    assert content.policy_document.data == policy
    assert content.interface_document.data == interface


def test_a_locale_with_fewer_plural_forms_than_english_reads_no_english_form_it_does_not_need(content):
    # Japanese has only "other": the English "one" is never shown, so it is not a fallback either.
    japanese = SiteLocale("ja-JP", "jp")
    translated = Translations.source(content.messages, japanese)  # every text it needs "translated"

    localized = localize(dataclasses.replace(content, translations={"ja-JP": translated}), japanese)

    assert localized.interface.units["business-day"] == {"other": "{count} business days"}
    assert localized.untranslated == {}


@pytest.mark.parametrize(("tag", "market"), [("en-US", "us"), ("en-GB", "gb")])
def test_a_locale_in_the_source_language_reads_the_content_as_is(content, tag, market):
    assert localize(content, SiteLocale(tag, market)) is content
