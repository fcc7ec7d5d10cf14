"""A comparison in words: for a terminal, or as Markdown for a pull-request comment."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from generator.helpcenter.compare import Comparison, PolicyComparison, TextChange
from generator.helpcenter.compare_values import LocaleChange, MarketChange, ValueChange
from generator.i18n.shifts import common_ends
from generator.logic.explain import count_combinations

#: Words of context kept on each side of what a long text changes.
CONTEXT_WORDS = 4
#: Texts longer than this (both together) are shown from a little before to a little after what changed.
LONG_TEXTS = 100


def as_lines(comparison: Comparison, old: str, new: str, *, markdown: bool = False) -> list[str]:
    """Return ``comparison`` as lines of text; with ``markdown``, with headings and code spans.

    A help center of one policy (the same in both versions) is told in one
    piece; of several, policy by policy, then what they share.
    """
    words = _Words(markdown)
    lines = [f"{'## ' if markdown else ''}What {new} changes, compared with {old}"]
    policies = comparison.policies
    if not comparison.seen_by_customers:
        combinations = policies[0].combinations if len(policies) == 1 else 0
        lines += ["", f"No change a customer would see{_same_outcomes(combinations)}."]
    elif len(policies) == 1 and not comparison.added_policies and not comparison.removed_policies:
        lines += words.policy(policies[0], comparison)
    else:
        lines += words.section("Policies added", [words.code(policy) for policy in comparison.added_policies])
        lines += words.section("Policies removed", [words.code(policy) for policy in comparison.removed_policies])
        words.level = 4  # the sections of each policy, under its heading
        for policy in policies:
            lines += ["", f"{'### ' if markdown else ''}Policy {words.code(policy.id)}"]
            lines += words.policy(policy) if policy.seen_by_customers else ["", "No change a customer would see."]
        shared = words.shared(comparison, comparison.texts)
        if shared:
            lines += ["", f"{'### ' if markdown else ''}Shared by every policy", *shared]
    lines += words.listing("Translations this edit makes stale", comparison.stale, counted=True)
    lines += words.listing("New texts to translate", comparison.missing, counted=True)
    return lines


class _Words:
    """The pieces of the comparison in words, as plain text or as Markdown."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.bullet = "- " if markdown else "  - "
        #: The Markdown level of the sections' headings: under a policy's heading when there are several.
        self.level = 3

    def code(self, text: str) -> str:
        return f"`{text}`" if self.markdown else text

    def heading(self, text: str) -> list[str]:
        return ["", f"{'#' * self.level} {text}", ""] if self.markdown else ["", f"{text}:"]

    def section(self, title: str, lines: list[str]) -> list[str]:
        return [*self.heading(title), *(self.bullet + line for line in lines)] if lines else []

    def listing(self, title: str, found: dict[str, list[str]], counted: bool = False) -> list[str]:
        """A heading and a line per key: its items, counted with ``counted``."""
        lines = []
        for key, items in found.items():
            shown = ", ".join(map(self.code, items))
            lines.append(f"{key}: {f'{len(items)} ({shown})' if counted else shown}")
        return self.section(title, lines)

    def policy(self, policy: PolicyComparison, shared: Comparison | None = None) -> list[str]:
        """What changes in one policy; with ``shared``, what the policies share too, in the same sections."""
        code, bullet = self.code, self.bullet
        lines = self.listing("Renamed (the same words under a new id)", policy.renamed)
        changes = policy.outcome_changes
        if changes:
            moved = sum(change.combinations for change in changes)
            lines += self.heading(
                f"Customers who now get another outcome: {count_combinations(moved)} of the "
                f"{policy.combinations:,} both versions decide"
            )
            for change in changes:
                scenario = code(change.new_scenario)
                if change.old_scenario != change.new_scenario:
                    scenario = f"{code(change.old_scenario)} → {scenario}"
                lines.append(
                    f"{bullet}{code(change.answers)}: {code(change.old_outcome)} → {code(change.new_outcome)} "
                    f"({count_combinations(change.combinations)}; scenario {scenario})"
                )
        elif policy.combinations:
            lines += [
                "",
                f"Every customer gets the same outcome as before ({count_combinations(policy.combinations)}).",
            ]
        else:
            lines += ["", "The two versions share no combination of answers: nothing to compare customer by customer."]
        for count, which in ((policy.only_new, "new"), (policy.only_old, "old")):
            if count:
                lines.append(f"{count_combinations(count)} only the {which} version has (answers added or removed).")
        lines += self.listing("Added", policy.added) + self.listing("Removed", policy.removed)
        values = PolicyComparison(policy.id, texts=policy.texts, facts=policy.facts, links=policy.links)
        if shared is not None:  # the shared facts and links first, as help-center.yaml comes before the policy
            values.facts, values.links = [*shared.facts, *policy.facts], [*shared.links, *policy.links]
            values.texts = [*policy.texts, *shared.texts]
        lines += self.values(values, shared)
        if policy.retired:
            lines += self.section(
                "Finder addresses that disappear, and where their answers now lead",
                [f"{code(moved.old + '/')} → {code(moved.target + '/')}" for moved in policy.retired],
            )
        if policy.new_addresses:
            lines += ["", f"New finder addresses: {len(policy.new_addresses):,}."]
        return lines

    def shared(self, comparison: Comparison, texts: list[TextChange]) -> list[str]:
        """What the policies share: markets, rounding, locales, facts, links and texts."""
        return self.values(
            PolicyComparison("", texts=texts, facts=comparison.facts, links=comparison.links), comparison
        )

    def values(self, policy: PolicyComparison, shared: Comparison | None) -> list[str]:
        """The facts, links, markets, rounding, locales and texts, in sections."""
        code = self.code
        lines = self.section("Facts, as shown in English", value_lines(policy.facts, code))
        lines += self.section("Links", value_lines(policy.links, code, code))
        if shared is not None:
            lines += self.section("Markets", [market_line(change, code) for change in shared.markets])
            lines += self.section(
                "Mass rounding (the masses it changes are under Facts)",
                [rounding_line(change, code) for change in shared.mass_rounding],
            )
            lines += self.section("Published locales", [locale_line(change, code) for change in shared.locales])
        if policy.texts:
            lines += self.section(f"English texts: {texts_count(policy.texts)}", text_lines(policy.texts, code))
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
    """``added nl: masses in kilograms``, ``removed it``, ``de: masses in kilograms → pounds``; a market
    without a unit of mass (its policies show none) reads ``no unit of mass``."""
    kind = _kind(change)
    if kind == "added":
        return f"added {code(change.market)}" + (f": masses in {change.new}s" if change.new else "")
    if kind == "removed":
        return f"removed {code(change.market)}"
    if change.old and change.new:
        return f"{code(change.market)}: masses in {change.old}s → {change.new}s"
    return f"{code(change.market)}: {_masses(change.old)} → {_masses(change.new)}"


def _masses(unit: str | None) -> str:
    return f"masses in {unit}s" if unit else "no unit of mass"


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
    >>> old = "As soon as the warehouse has your order, it must send out the parcel within two business days."
    >>> compact(old, old.replace("two", "ten"))
    ('… out the parcel within two business days.', '… out the parcel within ten business days.')
    """
    if len(old) + len(new) <= LONG_TEXTS:
        return old, new
    before, after = old.split(" "), new.split(" ")
    start, end = common_ends(before, after)
    first = max(0, start - CONTEXT_WORDS)
    keep_end = max(0, end - CONTEXT_WORDS)

    def cut(words: list[str]) -> str:
        shown = " ".join(words[first : len(words) - keep_end])
        return f"{'… ' if first else ''}{shown}{' …' if keep_end else ''}"

    return cut(before), cut(after)
