"""What an edit changes in the values customers read, beside the rules: facts, links, markets, locales.

A fact is compared as it is shown, in English, in each market that both
versions publish: ``refund_delay`` going from 2 to 10 business days, a
mass whose market now reads pounds, a rounding step that moves a shown weight.
Markets whose values change alike are told together; a change in every such
market names none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.content.locales import SiteLocale
from generator.helpcenter.folder import Content
from generator.i18n.formatting import format_fact


@dataclass(frozen=True)
class ValueChange:
    """A named value as the customers of some markets read it, before and after; ``None``: not there."""

    name: str
    old: str | None
    new: str | None
    #: The markets whose customers read this; empty when it is every market both versions publish.
    markets: tuple[str, ...] = ()


@dataclass(frozen=True)
class MarketChange:
    """A market added, removed, or whose customers now read masses in another unit."""

    market: str
    #: The unit of mass its customers read (``None``: the version has no such market).
    old: str | None
    new: str | None


@dataclass(frozen=True)
class LocaleChange:
    """A published locale added, removed, or now reading another market's values."""

    tag: str
    #: The market it reads (``None``: the version does not publish it).
    old: str | None
    new: str | None


def compared_markets(old: Content, new: Content) -> tuple[str, ...]:
    """The markets a published locale reads in both versions, in the new help-center.yaml's order."""
    read_before = {locale.market for locale in old.locales.published}
    read_now = {locale.market for locale in new.locales.published}
    return tuple(market for market in new.help_center.markets if market in read_before and market in read_now)


def fact_changes(old: Content, new: Content, *, shared: bool) -> list[ValueChange]:
    """Every fact added, removed, or shown otherwise in a market both versions publish (in English): the shared
    facts of help-center.yaml, or the own facts of the policy in focus."""
    markets = compared_markets(old, new)
    return _changes(_facts_shown(old, markets, shared), _facts_shown(new, markets, shared), markets)


def link_changes(old: Content, new: Content, *, shared: bool) -> list[ValueChange]:
    """Every link added, removed, or leading to another address in a market both versions publish: the shared
    links, or the own links of the policy in focus."""
    markets = compared_markets(old, new)
    return _changes(_links(old, markets, shared), _links(new, markets, shared), markets)


def market_changes(old: Content, new: Content) -> list[MarketChange]:
    """Every market of help-center.yaml added, removed, or with another unit of mass."""
    before = {market.id: market.mass_unit for market in old.help_center.markets.values()}
    now = {market.id: market.mass_unit for market in new.help_center.markets.values()}
    return [
        MarketChange(market, before.get(market), now.get(market))
        for market in _union(before, now)
        if before.get(market) != now.get(market)
    ]


def rounding_changes(old: Content, new: Content) -> list[ValueChange]:
    """Every unit of mass whose rounding step changed (what it moves shows in the facts)."""
    before = {unit: _step(step) for unit, step in old.help_center.mass_rounding.items()}
    now = {unit: _step(step) for unit, step in new.help_center.mass_rounding.items()}
    return [
        ValueChange(unit, before.get(unit), now.get(unit))
        for unit in _union(before, now)
        if before.get(unit) != now.get(unit)
    ]


def locale_changes(old: Content, new: Content) -> list[LocaleChange]:
    """Every published locale added, removed, or reading another market."""
    before = {locale.tag: locale.market for locale in old.locales.published}
    now = {locale.tag: locale.market for locale in new.locales.published}
    return [
        LocaleChange(tag, before.get(tag), now.get(tag))
        for tag in _union(before, now)
        if before.get(tag) != now.get(tag)
    ]


#: Per name, per market, the value shown there.
Shown = dict[str, dict[str, str]]


def _facts_shown(content: Content, markets: tuple[str, ...], shared: bool) -> Shown:
    """The shared facts, or the policy's, as the source language shows them in each of ``markets``."""
    tag = content.locales.source.tag
    facts = content.help_center.facts if shared else content.policy.facts
    return {
        name: {
            market: format_fact(fact, SiteLocale(tag, market), content.help_center, content.interface.units)
            for market in markets
            if fact.value is not None or market in fact.by_market
        }
        for name, fact in facts.items()
    }


def _links(content: Content, markets: tuple[str, ...], shared: bool) -> Shown:
    links = content.help_center.links if shared else content.policy.links
    return {
        name: {market: link.url_in(market) for market in markets if link.url or market in link.by_market}
        for name, link in links.items()
    }


def _changes(before: Shown, now: Shown, markets: tuple[str, ...]) -> list[ValueChange]:
    """Per name, the markets that read one change alike, grouped, in the order of ``markets``."""
    changes: list[ValueChange] = []
    for name in _union(before, now):
        old, new = before.get(name, {}), now.get(name, {})
        alike: dict[tuple[str | None, str | None], list[str]] = {}
        for market in markets:
            pair = (old.get(market), new.get(market))
            if pair[0] != pair[1]:
                alike.setdefault(pair, []).append(market)
        for (was, shown), where in alike.items():
            changes.append(ValueChange(name, was, shown, () if len(where) == len(markets) else tuple(where)))
    return changes


def _union(before: Mapping[str, object], now: Mapping[str, object]) -> list[str]:
    """The keys of ``now`` in its order, then those only ``before`` has, in its order."""
    return [*now, *(key for key in before if key not in now)]


def _step(step: float) -> str:
    """A rounding step as help-center.yaml writes it: ``0.05``, ``1``."""
    return f"{step:g}"
