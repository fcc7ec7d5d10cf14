"""A text a locale has no translation for shows in English, marked and announced, whatever rendering does to it.

Each case removes one kind of message from the French catalog (a plain text,
a text with a link and a value, the plural forms of a unit, an interface
text, a question shown inside an interface text) and checks that
the French page shows the English inside ``lang="en-US"``, with the notice.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from generator.content.locales import SiteLocale
from generator.helpcenter.folder import load_content
from generator.helpcenter.translate import localize
from generator.rendering.pages import build_pages

FRENCH = SiteLocale("fr-FR", "fr")
ARTICLE = "get-your-device-back"
MARK = '<span lang="en-US" data-untranslated>'
NOTICE = "data-untranslated-notice"


def without_translations(catalog: Path, contexts: list[str]) -> None:
    """Empty the translations of ``contexts`` in ``catalog``, as a translator who has not got to them yet."""
    with catalog.open("rb") as handle:
        messages = read_po(handle)
    found = [message for message in messages if message.context in contexts]
    assert len(found) == len(contexts), "each context names a message of the catalog"
    for message in found:
        message.string = ("",) * len(message.string) if isinstance(message.string, tuple) else ""
    with catalog.open("wb") as handle:
        write_po(handle, messages)


def french_pages(project: Path) -> dict[str, str]:
    content = load_content(project / "content")
    return {page.directory: page.html for page in build_pages(content, FRENCH)}


CASES = [
    pytest.param(
        ["trade-in/outcomes/free-return/title"],
        ARTICLE,
        "The refurbisher sends your device back for free",
        id="plain",
    ),
    pytest.param(
        ["trade-in/procedures/label-steps/steps/create-shipment/body/0"],
        ARTICLE,
        'Open the <a href="https://www.ups.com/ship/guided/origin?loc=fr_FR">“Create a Shipment” page of UPS</a>.',
        id="link-and-value",
    ),
    pytest.param(
        ["interface/units/business-day"],
        ARTICLE,
        "2 business days",
        id="plural-forms-of-a-value",
    ),
    pytest.param(
        ["interface/units/question"],
        "finder",
        "3 questions",
        id="plural-forms-of-a-build-value",
    ),
    pytest.param(
        ["interface/finder/start_again"],
        "finder/not-flagged",
        "Start again",
        id="interface",
    ),
    pytest.param(
        ["trade-in/questions/device-status/text"],
        "finder/not-flagged",
        "Did the refurbisher flag your device?",
        id="inside-an-interface-text",
    ),
]


@pytest.mark.parametrize(("contexts", "page", "english"), CASES)
def test_an_untranslated_text_is_marked_and_announced(project, contexts, page, english):
    before = french_pages(project)[page]
    assert NOTICE not in before, "the shipped French is complete"
    assert MARK not in before

    without_translations(project / "content/locales/fr-FR.po", contexts)
    html = french_pages(project)[page]

    assert english in html
    assert html.count(english) == html.count(MARK + english), f"every {english!r} is marked"
    assert NOTICE in html


@pytest.mark.parametrize(
    ("also_a_translation", "untranslated"),
    [
        pytest.param(False, {"Help Center": "en-US"}, id="a-fallback-is-marked"),
        pytest.param(True, {}, id="the-same-words-translating-another-text-are-the-locales-own"),
    ],
)
def test_a_fallback_that_the_locale_also_uses_as_a_translation_is_not_marked(content, also_a_translation, untranslated):
    french = copy.copy(content.translations["fr-FR"])
    french.current = {**french.current}
    del french.current["interface/site_name"]  # English: Help Center
    if also_a_translation:
        french.plurals = {
            **french.plurals,
            "interface/units/question": dict.fromkeys(["one", "many", "other"], "Help Center"),
        }
    localized = localize(dataclasses.replace(content, translations={**content.translations, "fr-FR": french}), FRENCH)

    assert localized.untranslated == untranslated
