"""The translators' commands for language variants, on copies of the project: `i18n override`, an entry copied
by hand, `i18n add --from`, the untranslated notice in the reader's language, and English variants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from test_language_variants import CONTEXT, IN_BELGIUM, IN_FRANCE, OTHER_CONTEXT, entries

from generator.content.locales import SiteLocale
from generator.helpcenter.folder import load_content
from generator.rendering.pages import build_pages
from support import add_belgian_market, add_british_market, edit_file, html_text
from support import run_cli as run

BELGIUM = SiteLocale("fr-BE", "be")
NOTICE_CONTEXT = "interface/notice/untranslated"
FRENCH_NOTICE = "Certaines parties de cette page ne sont pas encore traduites"
ENGLISH_NOTICE = "Parts of this page are not translated yet"


@pytest.fixture
def belgian(project, capsys) -> Path:
    """The project's copy with fr-BE published for a Belgian market, inheriting from fr-FR."""
    add_belgian_market(project / "content")
    assert run(capsys, "i18n", "add", "fr-BE")[0] == 0
    return project


def contexts(catalog: Path) -> list[str]:
    with catalog.open("rb") as handle:
        return [str(message.context) for message in read_po(handle) if message.id]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        pytest.param(
            ["fr-BE", "trade-in/outcomes/free-retrun/title"],
            "content/locales/fr-BE.po: error: there is no text 'trade-in/outcomes/free-retrun/title' to override "
            "(did you mean 'trade-in/outcomes/free-return/title'",
            id="unknown-context-with-the-closest",
        ),
        pytest.param(
            ["fr-FR", CONTEXT],
            "content/locales.yaml: error: fr-FR inherits from no locale, so it overrides none: every text is in its "
            "own catalog already: edit its msgstr in content/locales/fr-FR.po",
            id="a-locale-that-inherits-from-none",
        ),
        pytest.param(
            ["en-US", CONTEXT],
            "content/locales.yaml: error: en-US inherits from no locale, so it overrides none: its wording is the "
            "YAML: edit the English there",
            id="the-source-locale",
        ),
        pytest.param(
            ["nl-NL", CONTEXT],
            "content/locales.yaml: error: nl-NL is not a published locale",
            id="a-locale-not-published",
        ),
    ],
)
def test_an_override_that_cannot_be_made_is_refused_and_nothing_written(belgian, capsys, arguments, expected):
    before = (belgian / "content/locales/fr-BE.po").read_bytes()

    status, out, err = run(capsys, "i18n", "override", *arguments)

    assert (status, out) == (1, "")
    assert err.startswith(expected)
    assert (belgian / "content/locales/fr-BE.po").read_bytes() == before


def test_an_override_starts_from_the_parent_s_translation_once(belgian, capsys):
    status, out, _ = run(capsys, "i18n", "override", "fr-BE", CONTEXT)

    assert status == 0
    assert re.fullmatch(
        rf"content/locales/fr-BE\.po:(\d+): {CONTEXT}: fr-BE's own translation, which starts from fr-FR's "
        "translation; edit its msgstr\n",
        out,
    )
    line = int(out.split(":")[1])
    lines = (belgian / "content/locales/fr-BE.po").read_text(encoding="utf-8").splitlines()
    assert lines[line - 1] == f'msgstr "{IN_FRANCE}"'
    assert "# overrides fr-FR: fr-BE says this text its own way" in lines

    status, _, err = run(capsys, "i18n", "override", "fr-BE", CONTEXT)
    assert status == 1
    assert err.startswith(f"content/locales/fr-BE.po:{line}:1: error: {CONTEXT}: fr-BE overrides it already")


@pytest.mark.parametrize(
    "named", ["interface/units/business-day", "interface/units/business-day/many"], ids=["by-context", "by-one-form"]
)
def test_a_text_with_a_count_is_overridden_as_one_plural_entry_with_the_parents_forms(belgian, capsys, named):
    assert run(capsys, "i18n", "override", "fr-BE", named)[0] == 0

    with (belgian / "content/locales/fr-BE.po").open("rb") as handle:
        entries = [message for message in read_po(handle) if message.id]
    assert [(entry.context, entry.id, entry.string) for entry in entries] == [
        (
            "interface/units/business-day",
            ("{count} business day", "{count} business days"),
            ("{count} jour ouvré", "{count} jours ouvrés", "{count} jours ouvrés"),
        )
    ]
    assert run(capsys, "check", "--strict")[0] == 0


def test_an_entry_copied_by_hand_from_the_parent_is_an_override(belgian, capsys):
    french = (belgian / "content/locales/fr-FR.po").read_text(encoding="utf-8")
    entry = re.search(rf'\n\n((?:#.*\n)*msgctxt "{re.escape(CONTEXT)}"\n.*\nmsgstr .*\n)', french)
    assert entry is not None
    belgian_catalog = belgian / "content/locales/fr-BE.po"
    copied = entry[1].replace(IN_FRANCE, "Le reconditionneur vous renvoie votre appareil sans frais")
    belgian_catalog.write_text(belgian_catalog.read_text(encoding="utf-8") + "\n" + copied, encoding="utf-8")

    assert run(capsys, "check", "--strict")[0] == 0
    status, out, _ = run(capsys, "i18n", "status")
    assert status == 0
    assert re.search(
        r"^fr-BE: (\d+) texts: 1 its own, \d+ inherited from fr-FR, 0 stale, 0 missing \(100\.0 %\)$", out, re.M
    )
    assert run(capsys, "i18n", "update")[0] == 0
    assert contexts(belgian_catalog) == [CONTEXT]


def test_add_from_copies_the_translations_and_inherits_from_none(project, capsys):
    add_belgian_market(project / "content")

    status, out, _ = run(capsys, "i18n", "add", "fr-BE", "--from", "fr-FR")

    assert status == 0
    assert out.splitlines() == [
        "content/locales.yaml: publishes fr-BE (market be), with a copy of fr-FR's translations, inheriting from no "
        "locale",
        "content/locales/fr-BE.po: started with a copy of fr-FR's translations, 120/120 translated, 0 stale, "
        "0 missing (100.0 %)",
    ]
    assert "- tag: fr-BE\n    market: be\n    parent: none\n" in (project / "content/locales.yaml").read_text()
    assert contexts(project / "content/locales/fr-BE.po") == contexts(project / "content/locales/fr-FR.po")
    assert run(capsys, "check", "--strict")[0] == 0
    assert re.search(
        r"^fr-BE: (\d+)/\1 translated, 0 stale, 0 missing \(100\.0 %\)$", run(capsys, "i18n", "status")[1], re.M
    )


@pytest.mark.parametrize("source", ["de-DE", "fr-CA"], ids=["another-language", "not-published"])
def test_add_from_a_locale_it_cannot_copy_is_refused(project, capsys, source):
    add_belgian_market(project / "content")

    status, out, err = run(capsys, "i18n", "add", "fr-BE", "--from", source)

    assert (status, out) == (1, "")
    assert err.startswith(
        f"content/locales.yaml: error: --from {source}: fr-BE copies the translations of a published locale of its "
        "language with a catalog, one of: fr-FR"
    )
    assert not (project / "content/locales/fr-BE.po").exists()


def forget_publishing(project: Path) -> None:
    """Take fr-BE out of locales.yaml, as an editor may have done a while ago; its catalog stays."""
    edit_file(project / "content/locales.yaml", "  - tag: fr-BE\n    market: be\n    parent: fr-FR\n", "")


def lose_catalog(project: Path) -> None:
    (project / "content/locales/fr-BE.po").unlink()


def inherit_from_none(project: Path) -> None:
    edit_file(project / "content/locales.yaml", "    parent: fr-FR\n", "    parent: none\n")


def files(project: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in (project / "content").rglob("*") if path.is_file()}


@pytest.fixture
def overridden(belgian, capsys) -> Path:
    """The copy with fr-BE, which says one text its own way: a translator's work."""
    assert run(capsys, "i18n", "override", "fr-BE", CONTEXT)[0] == 0
    set_translation(belgian / "content/locales/fr-BE.po", CONTEXT, IN_BELGIUM)
    return belgian


KEEP_IT = (
    "content/locales/fr-BE.po: error: --from fr-FR: fr-BE has this catalog already, left from an earlier time it "
    "was published, and a copy of fr-FR's translations would replace them. To keep them, run python -m generator "
    "i18n add fr-BE without --from; to start from a copy, move this file out of content/locales first"
)


@pytest.mark.parametrize(
    ("made", "source", "expected"),
    [
        pytest.param([forget_publishing], "fr-FR", [KEEP_IT, "1 problem found"], id="a-catalog-left-from-before"),
        pytest.param(
            [forget_publishing],
            "de-DE",
            [
                KEEP_IT.replace("fr-FR", "de-DE"),
                "content/locales.yaml: error: --from de-DE: fr-BE copies the translations of a published locale of its "
                "language with a catalog, one of: fr-FR; without --from, it inherits from its parent",
                "2 problems found",
            ],
            id="a-catalog-left-from-before-and-a-locale-of-another-language",
        ),
        pytest.param(
            [lose_catalog],
            "fr-FR",
            [
                "content/locales.yaml: error: --from fr-FR: fr-BE is published inheriting from fr-FR, so its catalog "
                "holds only the texts it says its own way: run python -m generator i18n add fr-BE without --from to "
                "start it so; to start it with a copy of fr-FR's translations instead, first write parent: none "
                "under fr-BE in content/locales.yaml",
                "1 problem found",
            ],
            id="a-published-locale-that-inherits",
        ),
        pytest.param(
            [lose_catalog, inherit_from_none],
            "fr-BE",
            [
                "content/locales.yaml: error: --from fr-BE: fr-BE copies the translations of a published locale of "
                "its language with a catalog, one of: fr-FR; without --from, it inherits from its parent",
                "1 problem found",
            ],
            id="a-published-locale-from-itself",
        ),
    ],
)
def test_add_from_never_replaces_a_translator_s_work_and_writes_nothing(overridden, capsys, made, source, expected):
    for make in made:
        make(overridden)
    before = files(overridden)

    status, out, err = run(capsys, "i18n", "add", "fr-BE", "--from", source)

    assert (status, out, err.splitlines()) == (1, "", expected)
    assert files(overridden) == before


def test_add_keeps_a_catalog_left_from_before_and_says_what_it_inherits(overridden, capsys):
    forget_publishing(overridden)

    status, out, err = run(capsys, "i18n", "add", "fr-BE")

    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "content/locales.yaml: publishes fr-BE (market be), inheriting from fr-FR: it shows fr-FR's translations, "
        "except the texts it says its own way",
        # 120 texts: 68 of the trade-in policy, 1 of help-center.yaml, 51 of the interface; fr-BE says one its own way
        "content/locales/fr-BE.po: kept, 120 texts: 1 its own, 119 inherited from fr-FR, 0 stale, 0 missing (100.0 %)",
    ]
    assert contexts(overridden / "content/locales/fr-BE.po") == [CONTEXT]


def test_add_from_starts_the_missing_catalog_of_a_published_locale_with_a_copy(overridden, capsys):
    lose_catalog(overridden)
    inherit_from_none(overridden)
    locales = (overridden / "content/locales.yaml").read_bytes()

    status, out, err = run(capsys, "i18n", "add", "fr-BE", "--from", "fr-FR")

    assert (status, err) == (0, "")
    assert out == (
        "content/locales/fr-BE.po: started with a copy of fr-FR's translations, 120/120 translated, 0 stale, "
        "0 missing (100.0 %)\n"
    )
    assert (overridden / "content/locales.yaml").read_bytes() == locales
    catalog = overridden / "content/locales/fr-BE.po"
    assert contexts(catalog) == contexts(overridden / "content/locales/fr-FR.po")
    assert entries(catalog)[CONTEXT] == IN_FRANCE
    assert run(capsys, "check", "--strict")[0] == 0


def set_translation(catalog: Path, context: str, translation: str) -> None:
    """Write ``translation`` as the msgstr of ``context`` in ``catalog`` (empty: untranslated)."""
    text = catalog.read_text(encoding="utf-8")
    found = re.search(rf'msgctxt "{re.escape(context)}"\nmsgid .*\nmsgstr (.*)\n', text)
    assert found is not None, f"{catalog.name} has {context}"
    catalog.write_text(text[: found.start(1)] + f'"{translation}"' + text[found.end(1) :], encoding="utf-8")


@pytest.mark.parametrize(
    ("belgian_notice", "french_notice", "shown"),
    [
        pytest.param(
            "Une partie de cette page n’est pas encore traduite", None, "Une partie de cette page", id="the-child-s"
        ),
        pytest.param(None, None, FRENCH_NOTICE, id="the-parent-s"),
        pytest.param(None, "", ENGLISH_NOTICE, id="english-when-neither-has-it"),
    ],
)
def test_the_untranslated_notice_is_in_the_reader_s_language(belgian, capsys, belgian_notice, french_notice, shown):
    content = belgian / "content"
    set_translation(content / "locales/fr-FR.po", CONTEXT, "")  # a text no locale of the chain has
    if french_notice is not None:
        set_translation(content / "locales/fr-FR.po", NOTICE_CONTEXT, french_notice)
    if belgian_notice is not None:
        assert run(capsys, "i18n", "override", "fr-BE", NOTICE_CONTEXT)[0] == 0
        set_translation(content / "locales/fr-BE.po", NOTICE_CONTEXT, belgian_notice)

    article = next(
        page for page in build_pages(load_content(content), BELGIUM) if page.directory == "get-your-device-back"
    )

    assert "data-untranslated-notice" in article.html
    assert shown in html_text(article.html)


BRITISH = "The refurbisher sends your device back free of charge"


def test_an_english_variant_may_say_a_text_its_own_way(project, capsys):
    content = project / "content"
    add_british_market(content)
    assert run(capsys, "i18n", "add", "en-GB", "--market", "gb")[0] == 0
    assert "en-GB" not in run(capsys, "i18n", "status")[1]  # no catalog until it overrides a text

    assert run(capsys, "i18n", "override", "en-GB", CONTEXT)[0] == 0
    set_translation(content / "locales/en-GB.po", CONTEXT, BRITISH)

    assert run(capsys, "check", "--strict")[0] == 0
    assert re.search(
        r"^en-GB: \d+ texts: 1 its own, \d+ inherited from en-US, 0 stale, 0 missing \(100\.0 %\)$",
        run(capsys, "i18n", "status")[1],
        re.M,
    )
    british = SiteLocale("en-GB", "gb")
    article = next(
        page for page in build_pages(load_content(content), british) if page.directory == "get-your-device-back"
    )
    assert BRITISH in article.html
    assert "data-untranslated" not in article.html


@pytest.fixture
def variants(overridden, capsys) -> Path:
    """The copy with fr-BE's own text, and en-GB (in the source language), which says the same text its own way."""
    add_british_market(overridden / "content")
    assert run(capsys, "i18n", "add", "en-GB", "--market", "gb")[0] == 0
    assert run(capsys, "i18n", "override", "en-GB", CONTEXT)[0] == 0
    set_translation(overridden / "content/locales/en-GB.po", CONTEXT, BRITISH)
    return overridden


def mark_stale(catalog: Path, context: str) -> None:
    """Mark the entry of ``context`` in ``catalog`` for review, as an English edit does (``#, fuzzy``)."""
    edit_file(catalog, f'msgctxt "{context}"\n', f'#, fuzzy\nmsgctxt "{context}"\n')


@pytest.mark.parametrize(
    ("stale", "emptied", "locale", "said", "notice"),
    [
        pytest.param(
            ["fr-FR"],
            [],
            SiteLocale("fr-FR", "fr"),
            "fr-FR: 119/120 translated, 1 stale, 0 missing (99.2 %); these texts show in English with a notice",
            True,
            id="a-locale-that-inherits-from-none",
        ),
        pytest.param(
            ["en-GB"],
            [],
            SiteLocale("en-GB", "gb"),
            "en-GB: 120 texts: 0 its own, 119 inherited from en-US, 1 stale, 0 missing (99.2 %); these texts show "
            "the English of the YAML, with no notice, until reviewed",
            False,
            id="a-locale-in-the-source-language",
        ),
        pytest.param(
            ["fr-BE"],
            [],
            BELGIUM,
            "fr-BE: 120 texts: 0 its own, 119 inherited from fr-FR, 1 stale, 0 missing (99.2 %); these texts show "
            "fr-FR's translation, with no notice, until reviewed",
            False,
            id="a-variant-whose-parent-has-the-text",
        ),
        pytest.param(
            ["fr-BE", "fr-FR"],
            [],
            BELGIUM,
            "fr-BE: 120 texts: 0 its own, 119 inherited from fr-FR, 1 stale, 0 missing (99.2 %); these texts show "
            "in English with a notice",
            True,
            id="a-variant-whose-parent-has-it-stale-too",
        ),
        pytest.param(
            ["fr-BE"],
            [OTHER_CONTEXT],
            BELGIUM,
            "fr-BE: 120 texts: 0 its own, 118 inherited from fr-FR, 1 stale, 1 missing, waiting for fr-FR (98.3 %); "
            "1 shows in English with a notice, 1 shows fr-FR's translation, with no notice, until reviewed",
            True,  # the article names the other outcome too
            id="both-at-once",
        ),
    ],
)
def test_check_says_what_the_pages_show_for_a_text_to_review(variants, capsys, stale, emptied, locale, said, notice):
    content = variants / "content"
    for tag in stale:
        mark_stale(content / f"locales/{tag}.po", CONTEXT)
    for context in emptied:
        set_translation(content / "locales/fr-FR.po", context, "")

    status, out, err = run(capsys, "check")

    assert status == 0, err
    assert [line for line in out.splitlines() if line.startswith(f"{locale.tag}:")] == [said]
    article = next(
        page for page in build_pages(load_content(content), locale) if page.directory == "get-your-device-back"
    )
    assert ("data-untranslated-notice" in article.html) is notice
