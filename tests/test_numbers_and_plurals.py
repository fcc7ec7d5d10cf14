"""Numbers, weights and counted texts are written the way each locale writes them (CLDR, through Babel).

The expected texts are written by hand from the CLDR rules: French and Polish group thousands with a space
(U+202F and U+00A0), French puts 0 and 1 in "one" and a million in "many", Polish has "few" for 2–4, 22–24…
and "many" for 0, 5–21, 25…
"""

from __future__ import annotations

import pytest

from generator.content.locales import SiteLocale
from generator.content.model import Mass
from generator.i18n.formatting import format_count, format_mass, format_number, plural_form

US, FR, PL, DE, PSEUDO = (
    SiteLocale("en-US", "us"),
    SiteLocale("fr-FR", "fr"),
    SiteLocale("pl-PL", "pl"),
    SiteLocale("de-DE", "de"),
    SiteLocale("en-XA", "us"),
)
#: Each form says which category it is, so that a wrong pick shows.
MARKED = {"one": "one {count}", "few": "few {count}", "many": "many {count}", "other": "other {count}"}


@pytest.mark.parametrize(
    ("locale", "number", "text"),
    [
        pytest.param(US, 1234567, "1,234,567", id="en-US"),
        pytest.param(FR, 1234567, "1\u202f234\u202f567", id="fr-FR"),
        pytest.param(DE, 1234, "1.234", id="de-DE"),
        pytest.param(PL, 1234567, "1\xa0234\xa0567", id="pl-PL"),
        pytest.param(US, 7, "7", id="small"),
    ],
)
def test_numbers_are_grouped_as_the_locale_writes_them(locale, number, text):
    assert format_number(number, locale) == text


@pytest.mark.parametrize(
    ("locale", "count", "text"),
    [
        pytest.param(US, 1, "one 1", id="en-US-1"),
        pytest.param(US, 0, "other 0", id="en-US-0"),
        pytest.param(US, 2, "other 2", id="en-US-2"),
        pytest.param(US, 1001, "other 1,001", id="en-US-1001"),
        pytest.param(FR, 0, "one 0", id="fr-FR-0"),
        pytest.param(FR, 1, "one 1", id="fr-FR-1"),
        pytest.param(FR, 2, "other 2", id="fr-FR-2"),
        pytest.param(FR, 1_000_000, "many 1\u202f000\u202f000", id="fr-FR-million"),
        pytest.param(PL, 1, "one 1", id="pl-PL-1"),
        pytest.param(PL, 2, "few 2", id="pl-PL-2"),
        pytest.param(PL, 5, "many 5", id="pl-PL-5"),
        pytest.param(PL, 12, "many 12", id="pl-PL-12"),
        pytest.param(PL, 22, "few 22", id="pl-PL-22"),
        pytest.param(PL, 0, "many 0", id="pl-PL-0"),
    ],
)
def test_a_count_picks_the_locales_plural_form(locale, count, text):
    assert format_count(count, MARKED, locale) == text


@pytest.mark.parametrize(
    ("locale", "count", "forms", "text"),
    [
        pytest.param(
            FR, 1_000_000, {"one": "{count} jour", "other": "{count} jours"}, "1\u202f000\u202f000 jours", id="no-many"
        ),
        pytest.param(PL, 3, {"one": "{count} dzień", "other": "{count} dni"}, "3 dni", id="no-few"),
        pytest.param(US, 1, {"other": "{count} days"}, "1 days", id="only-other"),
        pytest.param(US, 1, {"one": "a day", "other": "{count} days"}, "a day", id="no-placeholder"),
        pytest.param(US, 2, {"one": "a day", "other": "{count} of {count}"}, "2 of 2", id="twice"),
    ],
)
def test_a_missing_form_falls_back_to_other(locale, count, forms, text):
    assert format_count(count, forms, locale) == text


@pytest.mark.parametrize(
    ("locale", "count", "form"),
    [
        pytest.param(US, 1, "one {count}", id="one"),
        pytest.param(PL, 4, "few {count}", id="few"),
        pytest.param(FR, 1_000_000, "many {count}", id="many"),
    ],
)
def test_the_plural_form_is_given_unfilled(locale, count, form):
    assert plural_form(count, MARKED, locale) == form


def test_a_form_set_without_other_is_refused():
    with pytest.raises(KeyError, match="other"):
        format_count(2, {"one": "{count} day"}, US)


@pytest.mark.parametrize(
    ("mass", "locale", "text"),
    [
        pytest.param(Mass(0.55, "pound"), US, "0.55 lb", id="en-US-pound"),
        pytest.param(Mass(0.25, "kilogram"), FR, "0,25\u202fkg", id="fr-FR-kilogram"),
        pytest.param(Mass(1.5, "kilogram"), DE, "1,5 kg", id="de-DE-kilogram"),
        pytest.param(Mass(0.5, "pound"), PSEUDO, "⟦0.5 ĺƀ ~~~⟧", id="pseudo-is-pseudo-localized"),
    ],
)
def test_a_weight_has_the_locales_number_and_short_unit(mass, locale, text):
    assert format_mass(mass, locale) == text
