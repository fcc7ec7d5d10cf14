"""Numbers, units and plurals, formatted by the locale's CLDR rules (Babel)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency, format_decimal, parse_pattern
from babel.units import format_unit

from generator.content.facts import as_decimal
from generator.content.locales import SiteLocale
from generator.content.model import Fact, HelpCenter, Mass
from generator.i18n.pseudo import pseudo

#: CLDR unit names of the mass units the policy may use.
_CLDR_MASS_UNITS = {"pound": "mass-pound", "kilogram": "mass-kilogram"}


def format_mass(mass: Mass, locale: SiteLocale) -> str:
    """Return ``mass`` with its short unit, e.g. ``0.55 lb`` or ``0,25 kg``."""
    text = format_unit(mass.value, _CLDR_MASS_UNITS[mass.unit], length="short", locale=locale.babel)
    # The pseudo-locale proves that this text, too, is the locale's and not hard-coded.
    return pseudo(text, ()) if locale.is_pseudo else text


def format_fact(fact: Fact, locale: SiteLocale, help_center: HelpCenter, units: Mapping[str, Mapping[str, str]]) -> str:
    """Return the value of ``fact`` in the locale's market, as the locale writes it.

    A mass is shown in the market's unit, rounded as ``help_center`` says; a
    duration with the plural form of ``units`` (the interface's, by unit).

    >>> from generator.content.model import Market
    >>> center = HelpCenter({"fr": Market("fr", "kilogram")}, {"kilogram": 0.05})
    >>> format_fact(Fact("weight", "mass", 0.55, unit="pound"), SiteLocale("fr-FR"), center, {})
    '0,25\u202fkg'
    >>> format_fact(Fact("fee", "money", "49", currency="EUR"), SiteLocale("en-US", "fr"), center, {})
    '€49'
    """
    value = fact.value_in(locale.market)
    if fact.type == "name":
        return str(value)
    if fact.type == "date":
        return format_day(_day(value), locale)
    if fact.type == "duration":
        return format_count(int(value), units[fact.unit], locale)
    number = as_decimal(value)
    if number is None:  # the checks refuse it before any build
        raise ValueError(f"fact {fact.name} is not a number: {value!r}")
    if fact.type == "mass":
        unit = help_center.markets[locale.market].mass_unit
        return format_mass(Mass(float(number), fact.unit).convert(unit, help_center.mass_rounding[unit]), locale)
    if fact.type == "money":
        return format_money(number, fact.currency_in(locale.market), locale)
    return format_value(number, locale)


def _day(value: Any) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def format_money(amount: Decimal, currency: str, locale: SiteLocale) -> str:
    """Return ``amount`` of ``currency`` as the locale writes it; a whole amount without decimals.

    >>> format_money(Decimal(129), "USD", SiteLocale("en-US")), format_money(Decimal("9.5"), "EUR", SiteLocale("en-US"))
    ('$129', '€9.50')
    """
    if amount == amount.to_integral_value():
        pattern = parse_pattern(locale.babel.currency_formats["standard"])
        pattern.frac_prec = (0, 0)
        text = pattern.apply(amount, locale.babel, currency=currency, currency_digits=False)
    else:
        text = format_currency(amount, currency, locale=locale.babel)
    return pseudo(text, ()) if locale.is_pseudo else text


def format_value(number: Decimal, locale: SiteLocale) -> str:
    """Return a number as the locale writes it, with the decimals it has: ``1,234.5``, ``1 234,5``."""
    text = format_decimal(number, locale=locale.babel, decimal_quantization=False)
    return pseudo(text, ()) if locale.is_pseudo else text


def format_day(day: datetime.date, locale: SiteLocale) -> str:
    """Return a date as the locale writes it in full: ``March 31, 2025``, ``31 mars 2025``."""
    text = babel_format_date(day, format="long", locale=locale.babel)
    return pseudo(text, ()) if locale.is_pseudo else text


def format_count(count: int, forms: Mapping[str, str], locale: SiteLocale) -> str:
    """Return the plural form of ``forms`` that CLDR picks for ``count``, filled in.

    ``forms`` maps plural categories (``one``, ``few``, ``other``…) to texts
    holding ``{count}``; ``other`` is used when the category is missing.
    """
    return plural_form(count, forms, locale).replace("{count}", format_number(count, locale))


def format_number(number: int, locale: SiteLocale) -> str:
    """Return ``number`` as ``locale`` writes numbers: ``1,234``, ``1 234``."""
    return format_decimal(number, locale=locale.babel)


def plural_form(count: int, forms: Mapping[str, str], locale: SiteLocale) -> str:
    """Return the text of ``forms`` that CLDR picks for ``count`` in ``locale``, ``{count}`` unfilled."""
    return forms.get(locale.babel.plural_form(count), forms["other"])
