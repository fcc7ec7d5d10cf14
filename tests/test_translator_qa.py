"""Translator QA: a current translation's small slips are warnings at its msgstr line, never a failed build.

``check`` prints them and succeeds; ``check --strict`` fails on them. Each check fires on a slip and stays
silent on what a language writes otherwise (French spaces before ``?``, Spanish ``¿…?``, grouped digits); a
flag ``#, ignore-<check>`` (Weblate's way) or a translator comment saying the same silences one entry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from generator.content.locales import SiteLocale
from generator.i18n.catalogs import Translations, catalog_text, read_catalog, update_catalog
from generator.i18n.messages import SourceMessage
from generator.i18n.qa import findings, qa_warnings
from support import EXAMPLE_DIR, ROOT
from support import run_cli as run

NAMES = ("Back Market", "UPS")


@pytest.mark.parametrize(
    ("english", "translation", "checks"),
    [
        # Two spaces in a row.
        pytest.param("Send it to us.", "Envoyez-le  nous.", ["double-space"], id="double-space"),
        pytest.param("Send it to us.", "Envoyez-le\u00a0 nous.", ["double-space"], id="double-space-one-no-break"),
        pytest.param("Send it.  Then wait.", "Envoyez-le.  Puis attendez.", [], id="double-space-as-the-english"),
        pytest.param("Send it to us.", "Envoyez-le nous.", [], id="single-spaces"),
        # The final mark.
        pytest.param("Send it.", "Envoyez-le", ["end-stop"], id="end-stop-dropped"),
        pytest.param("Why not?", "Pourquoi pas", ["end-question"], id="end-question-dropped"),
        pytest.param("Here it is!", "Le voici", ["end-exclamation"], id="end-exclamation-dropped"),
        pytest.param("These are the weights:", "Voici les poids", ["end-colon"], id="end-colon-dropped"),
        pytest.param("Wait…", "Attendez", ["end-ellipsis"], id="end-ellipsis-dropped"),
        pytest.param("Wait...", "Attendez", ["end-ellipsis"], id="end-three-dots-dropped"),
        pytest.param("Insure the parcel", "Assurez le colis.", ["end-stop"], id="end-stop-added"),
        pytest.param("Is it on?", "Est-il allumé\u00a0?", [], id="french-no-break-space-before-question"),
        pytest.param("Done!", "Terminé\u202f!", [], id="french-narrow-space-before-exclamation"),
        pytest.param("Sender:", "Expéditeur :", [], id="french-space-before-colon"),
        pytest.param("Is it on?", "¿Está encendido?", [], id="spanish-opening-question-mark"),
        pytest.param('Write "done."', "Écrivez « fini. »", [], id="closing-quote-after-the-mark"),
        pytest.param("See the steps (below).", "Voir les étapes (ci-dessous.)", [], id="closing-bracket-after-it"),
        pytest.param("Stop.", "Halt!", [], id="another-mark-is-a-choice"),
        pytest.param("Insure the parcel", "Paket versichern", [], id="no-mark-in-either"),
        pytest.param("Send it.", "送ってください。", [], id="ideographic-full-stop"),
        pytest.param("Send it.\n", "Envoyez-le.\n", [], id="a-line-end-after-the-mark"),
        pytest.param("Send it.", "Envoyez-le.\n", [], id="a-line-end-after-the-mark-in-the-translation-only"),
        pytest.param("Send it.\n", "Envoyez-le\n", ["end-stop"], id="end-stop-dropped-before-a-line-end"),
        # Names that stay the same in every language.
        pytest.param("Sign in to Back Market.", "Connectez-vous à Back Market.", [], id="name-kept"),
        pytest.param("Sign in to Back Market.", "Connectez-vous à BackMarket.", ["names"], id="name-changed"),
        pytest.param(
            "Sign in to Back Market.", "Connectez-vous à Back\u00a0Market.", [], id="name-with-a-no-break-space"
        ),
        pytest.param("Sign in to Back Market.", "Connectez-vous à Back-Market.", ["names"], id="name-hyphenated"),
        pytest.param("Pay UPS.", "Payez le transporteur.", ["names"], id="name-translated-away"),
        pytest.param("the site of UPS.", "le site d’UPS.", [], id="name-after-an-elided-article"),
        pytest.param("Sign in to {marketplace}.", "Connectez-vous à {marketplace}.", [], id="no-name-in-the-english"),
        # Numbers.
        pytest.param("Within 2 days.", "Sous 3 jours.", ["numbers", "numbers"], id="number-changed"),
        pytest.param("Within 2 days.", "Sous deux jours.", ["numbers"], id="number-written-as-a-word"),
        pytest.param("Up to 1,000 items.", "Jusqu’à 1 000 articles.", [], id="thousands-with-a-space"),
        pytest.param("Up to 1,000 items.", "Bis zu 1.000 Artikel.", [], id="thousands-with-a-dot"),
        pytest.param("Up to 1,000 items.", "Fino a 1\u202f000 articoli.", [], id="thousands-with-a-narrow-space"),
        pytest.param("About 0.5 kg.", "Environ 0,5 kg.", [], id="decimal-comma"),
        pytest.param("Up to 1,000 items.", "Jusqu’à 1 001 articles.", ["numbers", "numbers"], id="grouped-differs"),
        pytest.param("Within {count} days.", "Sous {count} jours.", [], id="placeholders-are-no-numbers"),
        pytest.param("Step {step2}.", "Étape {step2}.", [], id="digits-in-a-placeholder"),
        pytest.param("[See it](page2).", "[Voir](page2).", [], id="digits-in-a-link-target"),
        pytest.param("[See it](page).", "[Voir](javascript:alert(1)).", [], id="digits-in-a-link-target-with-brackets"),
        pytest.param("Step 1, then step 2.", "Étape 2, puis étape 1.", [], id="same-numbers-in-another-order"),
        pytest.param("Up to 1,000 items.", "Bis zu 1000 Artikel.", [], id="thousands-without-a-separator"),
        pytest.param("Pay UPS.", "Payez {tip}UPS.", [], id="name-right-after-a-placeholder"),
    ],
)
def test_each_check_fires_on_a_slip_and_not_on_a_language_s_own_ways(english, translation, checks):
    assert [finding.check for finding in findings(english, translation, NAMES)] == checks


def test_a_double_space_is_shown_with_the_twenty_characters_before_it():
    # The twenty characters before the two spaces are " le colis au vendeur": shown without the leading space.
    assert [finding.message for finding in findings("Ship it.", "Expédiez le colis au vendeur  demain.", ())] == [
        "the translation has two spaces in a row, after 'le colis au vendeur': write one"
    ]


def test_a_finding_says_what_to_do():
    assert [finding.message for finding in findings("Pay UPS within 2 days.", "Payez  sous 3 jours", NAMES)] == [
        "the translation has two spaces in a row, after 'Payez': write one",
        "the English ends with '.' and the translation with no such mark",
        "the translation lacks the name 'UPS', which stays the same in every language (names: in locales.yaml): "
        "write it as the English does",
        "the translation lacks the number 2 of the English",
        "the translation has the number 3, which the English does not",
    ]


GERMAN = SiteLocale("de-DE")
HEADER = 'msgid ""\nmsgstr ""\n"Language: de_DE\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
#: A catalog with a slip in each entry; only the current ones that nothing silences warn.
CATALOG = HEADER + (
    'msgctxt "p/a"\nmsgid "Send it."\nmsgstr "Senden"\n\n'  # line 8: warns
    '#, fuzzy\n#| msgid "Send them."\nmsgctxt "p/b"\nmsgid "Send it."\nmsgstr "Senden"\n\n'  # stale
    'msgctxt "p/c"\nmsgid "Send it."\nmsgstr ""\n\n'  # missing
    '#, ignore-end-stop\nmsgctxt "p/d"\nmsgid "Send it."\nmsgstr "Senden"\n\n'  # silenced by a flag
    '# ignore-end-stop: a heading in German\nmsgctxt "p/e"\nmsgid "Send it."\nmsgstr "Senden"\n\n'  # by a comment
    '#, ignore-numbers\nmsgctxt "p/f"\nmsgid "Send it."\nmsgstr "Senden"\n\n'  # line 33: another check silenced
    'msgctxt "p/g"\nmsgid "Send it, now."\nmsgstr "Senden"\n\n'  # the English changed: stale
    'msgctxt "p/h"\nmsgid "Within\\n2 days."\nmsgstr "Innerhalb\\nvon  3 Tagen."\n'  # line 41
)
SOURCES = [SourceMessage(f"p/{name}", "Send it.", "", "policy.yaml", 1) for name in "abcdef"] + [
    SourceMessage("p/g", "Send it, then wait.", "", "policy.yaml", 1),
    SourceMessage("p/h", "Within\n2 days.", "", "policy.yaml", 1),
]


def german_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Catalog:
    """``text`` read as ``de-DE.po`` in the current folder ``tmp_path``: a catalog with no problem."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "de-DE.po").write_text(text, encoding="utf-8")
    catalog, problems = read_catalog(tmp_path / "de-DE.po")
    assert problems == []
    assert catalog is not None
    return catalog


def test_warnings_are_located_at_the_msgstr_of_current_translations_only(tmp_path, monkeypatch):
    catalog = german_catalog(tmp_path, monkeypatch, CATALOG)

    warnings = qa_warnings(catalog, Translations(catalog, SOURCES, GERMAN).expected, NAMES, tmp_path / "de-DE.po")

    assert [str(warning) for warning in warnings] == [
        "de-DE.po:8:1: warning: p/a: the English ends with '.' and the translation with no such mark (if the "
        "translation is right, mark the entry #, ignore-end-stop)",
        "de-DE.po:33:1: warning: p/f: the English ends with '.' and the translation with no such mark (if the "
        "translation is right, mark the entry #, ignore-end-stop)",
        "de-DE.po:41:1: warning: p/h: the translation has two spaces in a row, after 'Innerhalb\\nvon': write one "
        "(if the translation is right, mark the entry #, ignore-double-space)",
        "de-DE.po:41:1: warning: p/h: the translation lacks the number 2 of the English (if the translation is "
        "right, mark the entry #, ignore-numbers)",
        "de-DE.po:41:1: warning: p/h: the translation has the number 3, which the English does not (if the "
        "translation is right, mark the entry #, ignore-numbers)",
    ]


def test_an_update_keeps_the_flag_that_silences_a_warning(tmp_path):
    (tmp_path / "de-DE.po").write_text(CATALOG, encoding="utf-8")
    catalog, _ = read_catalog(tmp_path / "de-DE.po")
    assert catalog is not None

    written = catalog_text(update_catalog(catalog, SOURCES, GERMAN))

    assert re.findall(r'^#, (.*)\n(?:#\| .*\n)*msgctxt "(.*)"', written, re.M) == [
        ("fuzzy", "p/b"),
        ("ignore-end-stop", "p/d"),
        ("ignore-numbers", "p/f"),
        ("fuzzy", "p/g"),
    ]
    assert "# ignore-end-stop: a heading in German\n" in written


FRENCH_CATALOG = "content/locales/fr-FR.po"
#: A French translation of the real content, and the same with a slip.
SLIP = (
    "Le reconditionneur vous renvoie votre appareil gratuitement",
    "Le reconditionneur vous renvoie votre appareil gratuitement.",
)


def test_check_prints_warnings_and_succeeds_and_strict_fails(capsys, project):
    catalog = project / FRENCH_CATALOG
    text = catalog.read_text(encoding="utf-8")
    assert text.count(f'msgstr "{SLIP[0]}"\n') == 1
    catalog.write_text(text.replace(f'msgstr "{SLIP[0]}"\n', f'msgstr "{SLIP[1]}"\n'), encoding="utf-8")
    line = text.split("\n").index(f'msgstr "{SLIP[0]}"') + 1
    said = (
        f"{FRENCH_CATALOG}:{line}:1: {{}}: trade-in/outcomes/free-return/title: the translation ends with '.', "
        "which the English does not (if the translation is right, mark the entry #, ignore-end-stop)"
    )

    status, out, err = run(capsys, "check")
    assert status == 0
    assert err.splitlines() == [
        said.format("warning"),
        "1 warning (check --strict fails on them; a flag ignore-<check> on the entry silences one)",
    ]
    assert "complete and unambiguous" in out

    status, out, err = run(capsys, "check", "--strict")
    assert (status, out) == (1, "")
    assert err.splitlines() == [said.format("error"), "1 problem found"]


def test_warnings_are_listed_after_the_problems_of_a_failed_check(capsys, project):
    catalog = project / FRENCH_CATALOG
    text = catalog.read_text(encoding="utf-8")
    broken = text.replace(f'msgstr "{SLIP[0]}"\n', f'msgstr "{SLIP[1]}"\n')
    broken = re.sub(r"^(msgstr .*)\{free_return_delay\}", r"\1{delay}", broken, count=1, flags=re.M)
    catalog.write_text(broken, encoding="utf-8")

    status, _, err = run(capsys, "check")

    assert status == 1
    assert [line.split(": ")[1] for line in err.splitlines()[:-1]] == ["error", "error", "warning"]
    assert err.splitlines()[-1] == "2 problems found, and 1 warning"  # drops one placeholder, adds another


@pytest.mark.parametrize(
    "content", [pytest.param(ROOT / "content", id="content"), pytest.param(EXAMPLE_DIR, id="example-help-center")]
)
def test_the_real_catalogs_have_no_warning(capsys, content, monkeypatch):
    monkeypatch.chdir(ROOT)
    catalogs = sorted((content / "locales").glob("*.po"))
    assert len(catalogs) == 4

    status, _, err = run(capsys, "check", "--strict", "--content", str(content))

    assert (status, err) == (0, "")


def test_the_checks_read_the_real_catalogs(tmp_path):
    """The real catalogs are clean because their translations are, not because nothing is read: dropping the
    final mark of every French translation warns once per translation that has one."""
    source = (ROOT / FRENCH_CATALOG).read_text(encoding="utf-8")
    slipped = re.sub(r'^(msgstr ".*)[.?!:…]"$', r'\1"', source, flags=re.M)
    dropped = len(re.findall(r'^msgstr ".*[.?!:…]"$', source, re.M))
    assert dropped > 50
    (tmp_path / "fr-FR.po").write_text(slipped, encoding="utf-8")
    catalog, _ = read_catalog(tmp_path / "fr-FR.po")
    assert catalog is not None
    english = [SourceMessage(str(entry.context), str(entry.id), "", "policy.yaml", 1) for entry in catalog if entry.id]

    warnings = qa_warnings(catalog, english, NAMES, Path("fr-FR.po"))

    assert len([warning for warning in warnings if "the translation with no such mark" in warning.message]) == dropped


def with_plural_forms(header: str) -> str:
    """:data:`HEADER` with a ``Plural-Forms`` line."""
    return HEADER.replace('"Content-Type', f'"Plural-Forms: {header}\\n"\n"Content-Type')


#: A text with a count, each form compared with the English of its category; Plural-Forms as German has it.
PLURAL_CATALOG = with_plural_forms("nplurals=2; plural=(n != 1);") + (
    'msgctxt "interface/units/day"\nmsgid "{count} day."\nmsgid_plural "{count} days."\n'
    'msgstr[0] "{count} Tag."\nmsgstr[1] "{count}  Tage"\n'  # line 10 (its msgstr[0]); msgstr[1] slips twice
)


def test_each_form_of_a_text_with_a_count_is_checked_against_its_english(tmp_path, monkeypatch):
    catalog = german_catalog(tmp_path, monkeypatch, PLURAL_CATALOG)
    english = [SourceMessage("interface/units/day", "{count} day.", "", "interface.yaml", 1, plural="{count} days.")]

    warnings = qa_warnings(catalog, english, NAMES, tmp_path / "de-DE.po", ("one", "other"))

    assert [str(warning) for warning in warnings] == [
        "de-DE.po:10:1: warning: interface/units/day: msgstr[1]: the translation has two spaces in a row, after "
        "'{count}': write one (if the translation is right, mark the entry #, ignore-double-space)",
        "de-DE.po:10:1: warning: interface/units/day: msgstr[1]: the English ends with '.' and the translation with "
        "no such mark (if the translation is right, mark the entry #, ignore-end-stop)",
    ]


#: The English of a count whose forms differ in what the checks see: the singular has no number and no mark.
ONE_DAY = SourceMessage("interface/units/day", "One day", "", "interface.yaml", 1, plural="{count} days.")


@pytest.mark.parametrize(
    ("header", "forms", "categories", "warned"),
    [
        pytest.param(
            "nplurals=2; plural=(n != 1);", ("Ein Tag", "{count} Tage."), ("one", "other"), [], id="one-and-other"
        ),
        pytest.param(
            "nplurals=3; plural=(n != 1);",
            ("Ein Tag", "{count} Tage.", "{count} Tage"),
            ("one", "many", "other"),
            ["msgstr[2]: the English ends with '.'"],
            id="each-form-past-one-against-the-plural",
        ),
        pytest.param(
            "nplurals=3; plural=(n != 1);",
            ("Ein Tag", "{count} Tage.", "{count} Tage"),
            ("one", "other"),
            ["msgstr[2]: the English ends with '.'"],
            id="a-form-past-the-categories-given-against-the-plural",
        ),
    ],
)
def test_the_one_form_is_checked_against_the_english_singular_the_others_against_the_plural(
    tmp_path, monkeypatch, header, forms, categories, warned
):
    strings = "".join(f'msgstr[{index}] "{form}"\n' for index, form in enumerate(forms))
    text = with_plural_forms(header) + (
        f'msgctxt "interface/units/day"\nmsgid "One day"\nmsgid_plural "{{count}} days."\n{strings}'
    )
    catalog = german_catalog(tmp_path, monkeypatch, text)

    warnings = qa_warnings(catalog, [ONE_DAY], NAMES, tmp_path / "de-DE.po", categories)

    assert [warning.message for warning in warnings] == [
        f"interface/units/day: {which} and the translation with no such mark (if the translation is right, mark the "
        "entry #, ignore-end-stop)"
        for which in warned
    ]
