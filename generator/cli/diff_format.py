"""A comparison in words: for a terminal, or as Markdown for a pull-request comment."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from generator.helpcenter.compare import Comparison, TextChange
from generator.helpcenter.compare_values import LocaleChange, MarketChange, ValueChange
from generator.logic.explain import count_combinations

#: Words of context kept on each side of what a long text changes.
CONTEXT_WORDS = 4
#: Texts longer than this (both together) are shown from a little before to a little after what changed.
LONG_TEXTS = 100


def as_lines(comparison: Comparison, old: str, new: str, *, markdown: bool = False) -> list[str]:
    """Return ``comparison`` as lines of text; with ``markdown``, with headings and code spans."""

    def code(text: str) -> str:
        return f"`{text}`" if markdown else text

    def heading(text: str) -> list[str]:
        return ["", f"### {text}", ""] if markdown else ["", f"{text}:"]

    bullet = "- " if markdown else "  - "

    def listing(title: str, found: dict[str, list[str]], counted: bool = False) -> list[str]:
        """A heading and a line per key: its items, counted with ``counted``."""
        if not found:
            return []
        lines = heading(title)
        for key, items in found.items():
            shown = ", ".join(map(code, items))
            lines.append(f"{bullet}{key}: {f'{len(items)} ({shown})' if counted else shown}")
        return lines

    def section(title: str, lines: list[str]) -> list[str]:
        return [*heading(title), *(bullet + line for line in lines)] if lines else []

    lines = [f"{'## ' if markdown else ''}What {new} changes, compared with {old}"]
    lines += listing("Renamed (the same words under a new id)", comparison.renamed)
    changes = comparison.outcome_changes
    if not comparison.seen_by_customers:
        lines += ["", f"No change a customer would see{_same_outcomes(comparison.combinations)}."]
    elif changes:
        moved = sum(change.combinations for change in changes)
        lines += heading(
            f"Customers who now get another outcome: {count_combinations(moved)} of the "
            f"{comparison.combinations:,} both versions decide"
        )
        for change in changes:
            scenario = code(change.new_scenario)
            if change.old_scenario != change.new_scenario:
                scenario = f"{code(change.old_scenario)} → {scenario}"
            lines.append(
                f"{bullet}{code(change.answers)}: {code(change.old_outcome)} → {code(change.new_outcome)} "
                f"({count_combinations(change.combinations)}; scenario {scenario})"
            )
    elif comparison.combinations:
        lines += [
            "",
            f"Every customer gets the same outcome as before ({count_combinations(comparison.combinations)}).",
        ]
    else:
        lines += ["", "The two versions share no combination of answers: nothing to compare customer by customer."]
    for count, which in ((comparison.only_new, "new"), (comparison.only_old, "old")):
        if count:
            lines.append(f"{count_combinations(count)} only the {which} version has (answers added or removed).")
    lines += listing("Added", comparison.added) + listing("Removed", comparison.removed)
    lines += section("Facts, as shown in English", value_lines(comparison.facts, code))
    lines += section("Links", value_lines(comparison.links, code, code))
    lines += section("Markets", [market_line(change, code) for change in comparison.markets])
    lines += section(
        "Mass rounding (the masses it changes are under Facts)",
        [rounding_line(change, code) for change in comparison.mass_rounding],
    )
    lines += section("Published locales", [locale_line(change, code) for change in comparison.locales])
    if comparison.texts:
        lines += section(f"English texts: {texts_count(comparison.texts)}", text_lines(comparison.texts, code))
    lines += listing("Translations this edit makes stale", comparison.stale, counted=True)
    lines += listing("New texts to translate", comparison.missing, counted=True)
    if comparison.retired:
        lines += heading("Finder addresses that disappear, and where their answers now lead")
        lines += [f"{bullet}{code(moved.old + '/')} → {code(moved.target + '/')}" for moved in comparison.retired]
    if comparison.new_addresses:
        lines += ["", f"New finder addresses: {len(comparison.new_addresses):,}."]
    return lines


def _same_outcomes(combinations: int) -> str:
    """What stayed the same, said after "No change a customer would see"."""
    outcomes = f"outcomes ({count_combinations(combinations)})" if combinations else "outcomes"
    return f": the same {outcomes}, texts, facts, links, markets and locales"


#: How a name or a value is written: as it is, or as a Markdown code span.
Show = Callable[[str], str]


def _plain(text: str) -> str:
    return text


def value_lines(changes: list[ValueChange], name: Show = _plain, value: Show = _plain) -> list[str]:
    """One line per change of a fact's or link's value; one per name added or removed, its values by market.

    >>> value_lines([ValueChange("fee", "$49", "$59", ("us",)), ValueChange("delay", "2 days", "3 days")])
    ['fee: $49 → $59 (us)', 'delay: 2 days → 3 days']
    >>> value_lines([ValueChange("fee", None, "$49", ("us",)), ValueChange("fee", None, "€45", ("fr", "de"))])
    ['added fee: $49 (us); €45 (fr, de)']
    """
    lines = []
    for (item, kind), group in groupby(changes, key=lambda change: (change.name, _kind(change))):
        found = list(group)
        if kind == "changed":
            lines += [f"{name(item)}: {value(c.old or '')} → {value(c.new or '')}{_markets(c.markets)}" for c in found]
        else:
            shown = "; ".join(f"{value(c.new or c.old or '')}{_markets(c.markets)}" for c in found)
            lines.append(f"{kind} {name(item)}: {shown}")
    return lines


def _kind(change: ValueChange | MarketChange | LocaleChange | TextChange) -> str:
    return "added" if change.old is None else "removed" if change.new is None else "changed"


def _markets(markets: tuple[str, ...]) -> str:
    return f" ({', '.join(markets)})" if markets else ""


def market_line(change: MarketChange, code: Show = _plain) -> str:
    """``added nl: masses in kilograms``, ``removed it``, ``de: masses in kilograms → pounds``."""
    kind = _kind(change)
    if kind == "added":
        return f"added {code(change.market)}: masses in {change.new}s"
    if kind == "removed":
        return f"removed {code(change.market)}"
    return f"{code(change.market)}: masses in {change.old}s → {change.new}s"


def rounding_line(change: ValueChange, code: Show = _plain) -> str:
    """``kilogram: to the nearest 0.05 → 0.1``."""
    steps = {"added": f"to the nearest {change.new}", "removed": "no rounding step"}
    return f"{code(change.name)}: " + steps.get(_kind(change), f"to the nearest {change.old} → {change.new}")


def locale_line(change: LocaleChange, code: Show = _plain) -> str:
    """``added nl-NL (market nl)``, ``removed it-IT (market it)``, ``fr-FR: market fr → be``."""
    kind = _kind(change)
    if kind == "changed":
        return f"{code(change.tag)}: market {change.old} → {change.new}"
    return f"{kind} {code(change.tag)} (market {change.new if kind == 'added' else change.old})"


def texts_count(texts: list[TextChange]) -> str:
    """``2 reworded, 1 added``: how many texts each kind of change has, in this order."""
    kinds = [_kind(text) for text in texts]
    said = [f"{kinds.count(kind)} {word}" for kind, word in (("changed", "reworded"), ("added", "added"))]
    said.append(f"{kinds.count('removed')} removed")
    return ", ".join(part for part in said if not part.startswith("0 "))


def text_lines(texts: list[TextChange], code: Show = _plain) -> list[str]:
    """One line per text: its context, the text before → after (of a long text, the part that changed)."""
    lines = []
    for text in texts:
        kind = _kind(text)
        if kind == "changed":
            before, after = compact(text.old or "", text.new or "")
            lines.append(f"{code(text.context)}: “{before}” → “{after}”")
        else:
            lines.append(f"{kind} {code(text.context)}: “{text.new if kind == 'added' else text.old}”")
    return lines


def compact(old: str, new: str) -> tuple[str, str]:
    """Return two long texts from a few words before what changed to a few words after it.

    >>> compact("Short.", "Shorter.")
    ('Short.', 'Shorter.')
    >>> old = "As soon as the refurbisher has your label, they must ship your device within two business days."
    >>> compact(old, old.replace("two", "ten"))
    ('… ship your device within two business days.', '… ship your device within ten business days.')
    """
    if len(old) + len(new) <= LONG_TEXTS:
        return old, new
    before, after = old.split(" "), new.split(" ")
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    first = max(0, start - CONTEXT_WORDS)
    keep_end = max(0, end - CONTEXT_WORDS)

    def cut(words: list[str]) -> str:
        shown = " ".join(words[first : len(words) - keep_end])
        return f"{'… ' if first else ''}{shown}{' …' if keep_end else ''}"

    return cut(before), cut(after)
