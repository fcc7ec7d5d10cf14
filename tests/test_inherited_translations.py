"""A locale that inherits shows its own current translation, else its parent's (up the chain), else English;
it counts and lists only its own work, and its catalog keeps only its own texts through an update.

Catalogs are built here entry by entry; the expected texts are read off the entries by hand.
"""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog

from generator.content.locales import SiteLocale
from generator.i18n.catalogs import Pending, Status, Translations, update_catalog
from generator.i18n.messages import SourceMessage
from generator.i18n.variants import Inherited, overrides_only

FRANCE, BELGIUM, LIEGE = SiteLocale("fr-FR", "fr"), SiteLocale("fr-BE", "be"), SiteLocale("fr-BE", "lg")
MESSAGES = [
    SourceMessage(context, text, "a note", "content/policy.yaml", 1)
    for context, text in [
        ("own", "Hello"),
        ("inherited", "Goodbye"),
        ("own-stale", "Thanks a lot"),  # Belgium's translation was made for "Thanks"
        ("nobody", "Sorry"),
        ("own-only", "Welcome"),  # France has not translated it; Belgium has
        ("both-stale", "See you now"),
    ]
]


def catalog(locale: str, *entries: tuple[str, str, str]) -> Catalog:
    """A catalog of ``(context, english, translation)`` entries."""
    made = Catalog(locale=locale)
    for context, english, translation in entries:
        made.add(english, translation, context=context, lineno=10)
    return made


FRENCH = catalog(
    "fr_FR",
    ("own", "Hello", "Bonjour"),
    ("inherited", "Goodbye", "Au revoir"),
    ("own-stale", "Thanks a lot", "Merci beaucoup"),
    ("both-stale", "See you", "À bientôt"),
)
BELGIAN = catalog(
    "fr_BE",
    ("own", "Hello", "Bonjour, une fois"),
    ("own-stale", "Thanks", "Merci"),
    ("own-only", "Welcome", "Bienvenue, hein"),
    ("both-stale", "See you", "À tantôt"),
)


@pytest.fixture
def belgian() -> Inherited:
    return Inherited(BELGIAN, MESSAGES, BELGIUM, Translations(FRENCH, MESSAGES, FRANCE))


@pytest.mark.parametrize(
    ("context", "shown"),
    [
        pytest.param("own", "Bonjour, une fois", id="its-own-translation"),
        pytest.param("inherited", "Au revoir", id="the-parent-s-in-french-never-english"),
        pytest.param("own-stale", "Merci beaucoup", id="a-stale-override-shows-the-parent-s-current-one"),
        pytest.param("nobody", None, id="english-when-nobody-has-it"),
        pytest.param("own-only", "Bienvenue, hein", id="its-own-when-the-parent-has-none"),
        pytest.param("both-stale", None, id="english-when-both-are-stale"),
    ],
)
def test_a_text_shows_its_own_then_its_parent_s_then_english(belgian, context, shown):
    assert belgian.get(context) == shown


def test_a_chain_of_parents_is_followed(belgian):
    liege = Inherited(catalog("fr_BE", ("nobody", "Sorry", "Désolé, sais-tu")), MESSAGES, LIEGE, belgian)

    assert [liege.get(message.context) for message in MESSAGES] == [
        "Bonjour, une fois",
        "Au revoir",
        "Merci beaucoup",
        "Désolé, sais-tu",
        "Bienvenue, hein",
        None,
    ]
    assert liege.root.locale == FRANCE


def test_the_status_counts_its_own_work_apart_from_what_it_inherits(belgian):
    assert belgian.status() == Status("fr-BE", total=6, translated=2, stale=2, missing=1, inherited=1, parent="fr-FR")
    assert belgian.status().as_dict()["percent"] == 50.0


def test_only_stale_overrides_are_its_own_to_do_the_rest_waits_for_the_root(belgian):
    assert [source.context for source in belgian.to_do()] == ["own-stale", "both-stale"]
    assert belgian.pending() == [
        Pending("own-stale", "stale", "Thanks a lot", previous_english="Thanks", line=10),
        Pending("both-stale", "stale", "See you now", previous_english="See you", line=10),
        Pending("nobody", "waiting", "Sorry", previous_english=None, line=0, waiting_for="fr-FR"),
    ]


@pytest.mark.parametrize(
    ("entries", "kept"),
    [
        pytest.param([("own", "Hello", "Salut")], [("own", "Salut", False)], id="a-current-override-is-kept"),
        pytest.param([], [], id="no-entry-is-added-for-a-text-it-inherits"),
        pytest.param(
            [("own", "Hi", "Salut")], [("own", "Salut", True)], id="an-override-whose-english-changed-is-stale"
        ),
        pytest.param([("own", "Hello", "")], [], id="an-empty-entry-is-no-override"),
    ],
)
def test_an_update_keeps_only_its_own_texts(entries, kept):
    merged = overrides_only(update_catalog(catalog("fr_BE", *entries), MESSAGES, BELGIUM))

    assert [(message.context, message.string, message.fuzzy) for message in merged if message.id] == kept


def test_an_override_whose_text_is_gone_is_retired():
    merged = overrides_only(update_catalog(catalog("fr_BE", ("gone", "Bye", "Salut")), MESSAGES, BELGIUM))

    assert [message.context for message in merged if message.id] == []
    assert [(message.context, message.string) for message in merged.obsolete.values()] == [("gone", "Salut")]


def test_an_entry_a_translator_started_is_kept_empty():
    started = catalog("fr_BE")
    started.add("Hello", "", context="own", user_comments=["overrides fr-FR"])

    merged = overrides_only(update_catalog(started, MESSAGES, BELGIUM))

    assert [(message.context, message.user_comments) for message in merged if message.id] == [
        ("own", ["overrides fr-FR"])
    ]


COUNTED = SourceMessage("days", "{count} day", "a note", "content/interface.yaml", 1, plural="{count} days")
FRENCH_DAYS = ("{count} jour", "{count} jours (millions)", "{count} jours")


def plural_catalog(locale: str, forms: tuple[str, ...] | None) -> Catalog:
    made = Catalog(locale=locale)
    made.mime_headers = [
        ("Plural-Forms", "nplurals=3; plural=n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;")
    ]
    if forms is not None:
        made.add((COUNTED.text, COUNTED.plural), forms, context="days", lineno=10)
    return made


@pytest.mark.parametrize(
    ("belgian_forms", "expected"),
    [
        pytest.param(
            None,
            {"one": "{count} jour", "many": "{count} jours (millions)", "other": "{count} jours"},
            id="inherited-from-the-parent",
        ),
        pytest.param(
            ("{count} jour", "{count} jours", "{count} jours, une fois"),
            {"one": "{count} jour", "many": "{count} jours", "other": "{count} jours, une fois"},
            id="its-own",
        ),
    ],
)
def test_a_text_with_a_count_shows_its_own_forms_else_its_parents(belgian_forms, expected):
    france = Translations(plural_catalog("fr_FR", FRENCH_DAYS), [COUNTED], FRANCE)
    belgium = Inherited(plural_catalog("fr_BE", belgian_forms), [COUNTED], BELGIUM, france)

    assert belgium.forms("days") == expected
    assert belgium.untranslated() == []


def test_a_text_with_a_count_no_locale_translates_falls_back_to_english():
    france = Translations(plural_catalog("fr_FR", None), [COUNTED], FRANCE)
    belgium = Inherited(plural_catalog("fr_BE", None), [COUNTED], BELGIUM, france)

    assert belgium.forms("days") is None
    assert [pending.english for pending in belgium.pending()] == ["{count} day / {count} days"]


def test_a_stale_override_of_a_text_with_a_count_lists_both_english_forms():
    france = Translations(plural_catalog("fr_FR", FRENCH_DAYS), [COUNTED], FRANCE)
    made_for_another = plural_catalog("fr_BE", None)
    made_for_another.add(("{count} day", "{count} days"), FRENCH_DAYS, context="days", lineno=10, flags=["fuzzy"])
    belgium = Inherited(made_for_another, [COUNTED], BELGIUM, france)

    assert [(pending.state, pending.english) for pending in belgium.pending()] == [
        ("stale", "{count} day / {count} days")
    ]
    assert belgium.forms("days") == {
        "one": "{count} jour",
        "many": "{count} jours (millions)",
        "other": "{count} jours",
    }
