"""Facts and links: each value one a customer reads right, each one defined once and used.

A fact is a named, typed value (``refund_delay: {type: duration, value: 2,
unit: business-day}``) that texts show as ``{refund_delay}``; a link is a
named address that texts use as ``[words](name)``. Both are written in a
policy, or once in help-center.yaml for every policy. These checks run after
the schema, each problem at its line:

* :func:`check_values`: a value of its type that a customer would read right
  (no 0-day duration, no negative amount nor one finer than its currency
  shows, a real date, a currency Babel knows);
* :func:`check_names`: a name used but not defined, defined but not used,
  defined twice (a policy's and a shared one), or taken by a built-in value;
* :func:`check_markets`: a value for every market a published locale reads,
  and no mass shown in a market without a unit of mass, or as 0 in its unit.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from babel.numbers import get_currency_precision, is_currency

from generator.content import inline
from generator.content.diagnostics import Diagnostic, did_you_mean
from generator.content.load import Document, KeyPath
from generator.content.model import FACT_UNITS, Mass
from generator.content.references import BUILT_IN_PLACEHOLDERS, policy_texts
from generator.content.reuse import Kept, Same
from generator.content.schema import dotted, kind_of

#: How mass units are written in messages.
_UNIT = {"pound": "lb", "kilogram": "kg"}
#: A date as facts write it.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: A decimal amount as facts may write it in quotes: ``"12.50"``.
_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def check_values(document: Document) -> list[Diagnostic]:
    """Return every fact of ``document`` whose value a customer would misread, or that lacks what its type needs."""
    problems: list[Diagnostic] = []
    for name, fact in document.data.get("facts", {}).items():
        path: KeyPath = ("facts", name)
        kind = fact["type"]
        has_value, has_markets = "value" in fact, "by_market" in fact
        if has_value == has_markets:
            problems.append(
                Diagnostic(
                    document.key_position(path),
                    f"fact '{name}' needs either value: (the same in every market) or by_market: (one value per "
                    f"market){', not both' if has_value else ''}",
                )
            )
        units = FACT_UNITS[kind]
        if units and "unit" not in fact:
            problems.append(
                Diagnostic(
                    document.key_position(path),
                    f"fact '{name}' is a {kind}: give its unit, one of: {', '.join(units)}",
                )
            )
        elif "unit" in fact and fact["unit"] not in units:
            allowed = f"one of: {', '.join(units)}" if units else "none"
            problems.append(
                Diagnostic(
                    document.position((*path, "unit")),
                    f"a {kind} has no unit '{fact['unit']}'; its units are {allowed}",
                )
            )
        priced = [value for value in fact.get("by_market", {}).values() if isinstance(value, Mapping)]
        if kind == "money" and "currency" not in fact and not (has_markets and priced):
            problems.append(
                Diagnostic(document.key_position(path), f"fact '{name}' is money: give its currency, e.g. EUR or USD")
            )
        elif "currency" in fact and kind != "money":
            problems.append(
                Diagnostic(document.key_position((*path, "currency")), f"a {kind} has no currency: remove it")
            )
        elif "currency" in fact and not is_currency(fact["currency"]):
            problems.append(
                Diagnostic(
                    document.position((*path, "currency")),
                    f"'{fact['currency']}' is not a currency code CLDR knows: write its ISO 4217 code, e.g. EUR or USD",
                )
            )
        places: list[tuple[KeyPath, Any]] = [((*path, "value"), fact["value"])] if has_value else []
        places += [((*path, "by_market", market), value) for market, value in fact.get("by_market", {}).items()]
        for where, value in places:
            if kind == "money" and where[-2] == "by_market" and ("currency" not in fact or isinstance(value, Mapping)):
                problems += _market_money(document, where, value, "currency" in fact)
                continue
            problem = _value_problem(kind, value, fact.get("currency" if kind == "money" else "unit", ""))
            if problem is not None:
                problems.append(Diagnostic(document.position(where), f"{dotted(where)} {problem}"))
    return problems


def _market_money(document: Document, where: KeyPath, value: Any, shared_currency: bool) -> list[Diagnostic]:
    """An amount of one market, written with its own currency: ``us: {value: 49, currency: USD}``."""
    if shared_currency:
        return [
            Diagnostic(
                document.position(where),
                f"{dotted(where)} gives its own currency, and so does the fact: write the currency once for every "
                "market (currency: beside by_market:), or in each market's value, not both",
            )
        ]
    if not isinstance(value, Mapping) or set(value) != {"value", "currency"}:
        return [
            Diagnostic(
                document.position(where),
                f"{dotted(where)} must give the amount and its currency, e.g. {{value: 49, currency: USD}}, since the "
                "fact gives no currency for every market",
            )
        ]
    problems = []
    currency = value["currency"]
    problem = _value_problem("money", value["value"], currency if isinstance(currency, str) else "")
    if problem is not None:
        problems.append(Diagnostic(document.position((*where, "value")), f"{dotted((*where, 'value'))} {problem}"))
    if not (isinstance(currency, str) and re.fullmatch("[A-Z]{3}", currency) and is_currency(currency)):
        problems.append(
            Diagnostic(
                document.position((*where, "currency")),
                f"'{currency}' is not a currency code CLDR knows: write its ISO 4217 code, e.g. EUR or USD",
            )
        )
    return problems


#: How a duration's unit reads in English, for messages.
_UNIT_WORDS = {"business-day": "business days", "day": "days", "week": "weeks", "month": "months"}


def _value_problem(kind: str, value: Any, unit: str) -> str | None:
    """Say why ``value`` is no value of a fact of type ``kind``, or would be misread; ``None`` if it is fine."""
    if kind == "name":
        return None if isinstance(value, str) and value.strip() else f"must be text, not {kind_of(value)}"
    if kind == "date":
        if isinstance(value, datetime.date):
            return None
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                return f"'{value}' is not a day of the calendar: check the month and the day"
            return None
        return f"must be a date written YYYY-MM-DD, not {kind_of(value)}"
    if kind == "duration":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be a whole number, not {kind_of(value)}"
        if value < 1:
            return (
                f'must be at least 1: a duration of {value} would read "within {value} '
                f'{_UNIT_WORDS.get(unit, "days")}" to a customer'
            )
        return None
    number = as_decimal(value) if kind == "money" or not isinstance(value, str) else None  # money: "12.50" too
    if number is None:
        return f"must be a number, not {kind_of(value)}"
    if kind == "mass" and number <= 0:
        return "must be more than 0"
    if kind == "money" and number < 0:
        return "must be 0 or more: a customer would read a negative amount"
    if kind == "money" and is_currency(unit) and _decimal_places(number) > (places := get_currency_precision(unit)):
        fix = "a whole number" if places == 0 else f"at most {places} decimal places"
        return f"has more decimal places than {unit} shows: customers would read it rounded. Write {fix}"
    return None


def _decimal_places(number: decimal.Decimal) -> int:
    """How many decimal places ``number`` needs: 2 for 12.50 and 12.05, 0 for 12.00 and 1200."""
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def as_decimal(value: Any) -> decimal.Decimal | None:
    """Return a number or a decimal text as a :class:`~decimal.Decimal` (never through a float's digits)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = decimal.Decimal(str(value))
        return number if number.is_finite() else None
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        return decimal.Decimal(value.strip())
    return None


def check_links(document: Document) -> list[Diagnostic]:
    """Return every link address that is not a plain ``https:`` address (the schema checks the pattern too)."""
    problems = []
    for name, link in document.data.get("links", {}).items():
        places: list[tuple[KeyPath, Any]] = [(("links", name), link)] if isinstance(link, str) else []
        places += [(("links", name, "by_market", market), url) for market, url in link_urls(link).items()]
        for path, url in places:
            if isinstance(url, str) and inline.markup(url):
                problems.append(Diagnostic(document.position(path), "a link must be a plain https:// address"))
    return problems


def link_urls(link: Any) -> dict[str, str]:
    """The per-market addresses of a link written with ``by_market:``."""
    return dict(link.get("by_market", {})) if isinstance(link, Mapping) else {}


def check_names(
    policies: Sequence[Document], shared: Document | None, *, every_policy: bool = True
) -> list[Diagnostic]:
    """Return every fact or link defined but not used, defined twice, or named like a built-in value or each other.

    A fact or link of a policy must be used by that policy; a shared one (help-center.yaml) by one policy at
    least, which is only checked when ``policies`` are ``every_policy`` of the help center. Unknown names are
    found with each text (:func:`generator.content.references.check_text`).
    """
    problems: list[Diagnostic] = []
    shared_facts: Mapping[str, Any] = shared.data.get("facts", {}) if shared is not None else {}
    shared_links: Mapping[str, Any] = shared.data.get("links", {}) if shared is not None else {}
    used_anywhere: set[str] = set()
    used_links_anywhere: set[str] = set()
    documents = [*policies, *([shared] if shared is not None else [])]
    for document in documents:
        problems += _clashes(document)
    for document in policies:
        facts, links = _uses.get(document.file, Same(document), functools.partial(_names_used, document.data))
        used_anywhere |= facts
        used_links_anywhere |= links
        for name in document.data.get("facts", {}):
            if name in shared_facts:
                problems.append(_defined_twice(document, shared, "facts", name, "fact"))
            elif name not in facts:
                problems.append(_unused(document, "facts", name, f"use it as {{{name}}} in a text"))
        for name in document.data.get("links", {}):
            if name in shared_links:
                problems.append(_defined_twice(document, shared, "links", name, "link"))
            elif name not in links:
                problems.append(_unused(document, "links", name, f"use it as [words]({name}) in a text"))
    if shared is not None and every_policy:
        for name in shared_facts:
            if name not in used_anywhere:
                problems.append(_unused(shared, "facts", name, f"use it as {{{name}}} in a policy's text", "policy"))
        for name in shared_links:
            if name not in used_links_anywhere:
                problems.append(
                    _unused(shared, "links", name, f"use it as [words]({name}) in a policy's text", "policy")
                )
    return problems


#: The fact names and link targets each policy's texts use, by its file and document.
_uses: Kept[Same, tuple[frozenset[str], frozenset[str]]] = Kept(256)


def _names_used(data: Any) -> tuple[frozenset[str], frozenset[str]]:
    facts, links = used_names(data)
    return frozenset(facts), frozenset(links)


def used_names(data: Any) -> tuple[set[str], set[str]]:
    """The fact names and link targets the texts of a policy (its data, as read) use."""
    facts: set[str] = set()
    links: set[str] = set()
    for _, text in policy_texts(data):
        usage = inline.usage(text)
        facts.update(usage.placeholders)
        links.update(usage.targets)
    return facts, links


def _clashes(document: Document) -> list[Diagnostic]:
    problems = []
    links = document.data.get("links", {})
    for name in document.data.get("facts", {}):
        if name in BUILT_IN_PLACEHOLDERS:
            problems.append(
                Diagnostic(
                    document.key_position(("facts", name)),
                    f"{{{name}}} is worked out by the build (the most questions the finder asks): give this fact "
                    "another name",
                )
            )
        elif name in links:
            problems.append(
                Diagnostic(
                    document.key_position(("facts", name)),
                    f"'{name}' names a fact and a link: give one of them another name, so a text says which it means",
                )
            )
    return problems


def _defined_twice(document: Document, shared: Document | None, section: str, name: str, kind: str) -> Diagnostic:
    line = shared.key_position((section, name)).line if shared is not None else 0
    return Diagnostic(
        document.key_position((section, name)),
        f"{kind} '{name}' is already defined in help-center.yaml (line {line}) for every policy: remove it here, "
        "or give it another name",
    )


def _unused(document: Document, section: str, name: str, advice: str, where: str = "text") -> Diagnostic:
    kind = section.removesuffix("s")
    return Diagnostic(
        document.key_position((section, name)),
        f"{kind} '{name}' is used in no {where}: {advice}, or remove it",
    )


def check_markets(
    documents: Iterable[Document], markets: Iterable[str], mass_units: Mapping[str, str], rounding: Mapping[str, Any]
) -> list[Diagnostic]:
    """Return every fact or link without a value for a market a published locale reads, and every mass that shows
    as 0 in the unit of such a market (``mass_units``: each market's unit; ``rounding``: each unit's step)."""
    read = sorted(set(markets))
    problems: list[Diagnostic] = []
    for document in documents:
        for section in ("facts", "links"):
            for name, item in document.data.get(section, {}).items():
                if not isinstance(item, Mapping) or "by_market" not in item:
                    continue
                given = item["by_market"]
                for market in given:
                    if market not in mass_units:
                        problems.append(
                            Diagnostic(
                                document.key_position((section, name, "by_market", market)),
                                f"unknown market '{market}'{did_you_mean(market, list(mass_units))}: the markets "
                                "are those of help-center.yaml",
                            )
                        )
                missing = [market for market in read if market not in given]
                if missing:
                    listed = ", ".join(f"'{market}'" for market in missing)
                    problems.append(
                        Diagnostic(
                            document.key_position((section, name, "by_market")),
                            f"{section.removesuffix('s')} '{name}' has no value for the market"
                            f"{'s' if len(missing) > 1 else ''} {listed}, which a published locale reads: add "
                            f"{'them' if len(missing) > 1 else 'it'} under by_market:",
                        )
                    )
        problems += _masses_misread(document, read, mass_units, rounding)
    return problems


def _masses_misread(
    document: Document, markets: list[str], mass_units: Mapping[str, str], rounding: Mapping[str, Any]
) -> list[Diagnostic]:
    """Every mass shown in a market that has no unit of mass, or that shows it as 0 in the market's unit."""
    problems = []
    for name, fact in document.data.get("facts", {}).items():
        if fact["type"] != "mass":
            continue
        places: list[tuple[KeyPath, Any, list[str]]] = []
        if "value" in fact:
            places.append((("facts", name, "value"), fact["value"], markets))
        for market, value in fact.get("by_market", {}).items():
            places.append((("facts", name, "by_market", market), value, [market] if market in markets else []))
        for path, value, shown_in in places:
            by_unit: dict[str, list[str]] = {}
            for market in shown_in:
                if market in mass_units:
                    by_unit.setdefault(mass_units[market], []).append(market)
            number = as_decimal(value)
            if number is None:
                continue
            mass = Mass(float(number), fact["unit"])
            for unit, in_markets in sorted(by_unit.items()):
                where = ("markets " if len(in_markets) > 1 else "market ") + ", ".join(f"'{m}'" for m in in_markets)
                if not unit:
                    problems.append(
                        Diagnostic(
                            document.position(path),
                            f"this mass is shown in {where}, which help-center.yaml gives no unit of mass: write "
                            "mass_unit: pound or mass_unit: kilogram under markets: for "
                            f"{'each' if len(in_markets) > 1 else 'it'}",
                        )
                    )
                    continue
                step = rounding[unit]
                if mass.convert(unit, step).value == 0:
                    problems.append(
                        Diagnostic(
                            document.position(path),
                            f"{value} {_UNIT[mass.unit]} shows as 0 {_UNIT[unit]} in {where} (masses in {unit}s are "
                            f"rounded to {step}): check the value, or round {unit}s to a finer step in mass_rounding "
                            "(help-center.yaml)",
                        )
                    )
    return problems
