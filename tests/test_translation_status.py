"""What a translator has to do: each text is translated, stale (its English changed, or marked fuzzy) or
missing (no entry, or an empty one), and the list says which, with the old English and the catalog line.

The catalog is built here entry by entry; the expected states are read off each entry by hand.
"""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog

from generator.content.locales import SiteLocale
from generator.helpcenter.catalog_commands import describe
from generator.i18n.catalogs import Pending, Status, Translations
from generator.i18n.messages import SourceMessage

FRENCH = SiteLocale("fr-FR", "fr")
MESSAGES = [
    SourceMessage(context, text, "a note", "content/policy.yaml", 1)
    for context, text in [
        ("done", "Hello"),
        ("reworded", "Goodbye now"),
        ("fuzzy", "Thanks"),
        ("empty", "Welcome"),
        ("absent", "Sorry"),
    ]
]


@pytest.fixture
def translations() -> Translations:
    catalog = Catalog(locale="fr_FR")
    catalog.add("Hello", "Bonjour", context="done", lineno=10)
    catalog.add("Goodbye", "Au revoir", context="reworded", lineno=14, previous_id="Goodbye")
    catalog.add("Thanks", "Merci", context="fuzzy", lineno=18, flags=["fuzzy"])
    catalog.add("Welcome", "", context="empty", lineno=22)
    return Translations(catalog, MESSAGES, FRENCH)


def test_only_current_translations_are_published(translations):
    assert [translations.get(message.context) for message in MESSAGES] == ["Bonjour", None, None, None, None]


def test_the_status_counts_translated_stale_and_missing_texts(translations):
    status = translations.status()

    assert status == Status("fr-FR", total=5, translated=1, stale=2, missing=2)
    assert status.as_dict() == {
        "locale": "fr-FR",
        "total": 5,
        "translated": 1,
        "stale": 2,
        "missing": 2,
        "inherited": 0,
        "parent": None,
        "percent": 20.0,
    }


@pytest.mark.parametrize(
    ("status", "percent"),
    [
        pytest.param(Status("fr-FR", 3, 1, 1, 1), 33.3, id="rounded"),
        pytest.param(Status("fr-FR", 0, 0, 0, 0), 100.0, id="nothing-to-translate"),
        pytest.param(Status("fr-FR", 8, 8, 0, 0), 100.0, id="all"),
    ],
)
def test_the_percentage_translated(status, percent):
    assert status.as_dict()["percent"] == percent


def test_each_text_to_do_says_why_with_the_old_english_and_its_line(translations):
    assert translations.pending() == [
        Pending("reworded", "stale", "Goodbye now", previous_english="Goodbye", line=14),
        Pending("fuzzy", "stale", "Thanks", previous_english="Thanks", line=18),
        Pending("empty", "missing", "Welcome", previous_english=None, line=22),
        Pending("absent", "missing", "Sorry", previous_english=None, line=0),
    ]
    assert translations.pending()[0].as_dict() == {
        "context": "reworded",
        "state": "stale",
        "english": "Goodbye now",
        "previous_english": "Goodbye",
        "line": 14,
        "waiting_for": None,
    }


def test_the_source_locale_translates_every_text_as_itself():
    source = Translations.source(MESSAGES, SiteLocale("en-US", "us"))

    assert [source.get(message.context) for message in MESSAGES] == [message.text for message in MESSAGES]
    assert source.pending() == []
    assert source.status() == Status("en-US", total=5, translated=5, stale=0, missing=0)


@pytest.mark.parametrize(
    ("status", "line"),
    [
        pytest.param(Status("fr-FR", 120, 119, 1, 0), "119/120 translated, 1 stale, 0 missing (99.2 %)", id="own"),
        pytest.param(
            Status("fr-BE", 120, 1, 0, 1, 118, "fr-FR"),
            "120 texts: 1 its own, 118 inherited from fr-FR, 0 stale, 1 missing, waiting for fr-FR (99.2 %)",
            id="inherited-waiting-for-the-parent",
        ),
        pytest.param(
            Status("fr-BE", 1, 0, 0, 0, 1, "fr-FR"),
            "1 text: 0 its own, 1 inherited from fr-FR, 0 stale, 0 missing (100.0 %)",
            id="one-text-inherited",
        ),
    ],
)
def test_the_status_line(status, line):
    assert describe(status) == line
