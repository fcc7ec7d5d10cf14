"""A comparison in words: for a terminal, or as Markdown for a pull-request comment."""

from __future__ import annotations

from generator.logic.compare import Comparison
from generator.logic.explain import count_combinations


def as_lines(comparison: Comparison, old: str, new: str, *, markdown: bool = False) -> list[str]:
    """Return ``comparison`` as lines of text; with ``markdown``, with headings and code spans."""

    def code(text: str) -> str:
        return f"`{text}`" if markdown else text

    def heading(text: str) -> list[str]:
        return ["", f"### {text}", ""] if markdown else ["", f"{text}:"]

    bullet = "- " if markdown else "  - "
    lines = [f"{'## ' if markdown else ''}What {new} changes, compared with {old}"]
    changes = comparison.outcome_changes
    if comparison.renamed:
        lines += heading("Renamed (the same words under a new id)")
        lines += [
            f"{bullet}{kind}: {', '.join(code(item) for item in items)}" for kind, items in comparison.renamed.items()
        ]
    if changes:
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
            f"Every customer gets the same outcome as before ({comparison.combinations:,} answer combinations).",
        ]
    else:
        lines += ["", "The two versions share no combination of answers: nothing to compare customer by customer."]
    for count, which in ((comparison.only_new, "new"), (comparison.only_old, "old")):
        if count:
            lines.append(f"{count_combinations(count)} only the {which} version has (answers added or removed).")
    for title, found in (("Added", comparison.added), ("Removed", comparison.removed)):
        if found:
            lines += heading(title)
            lines += [f"{bullet}{kind}: {', '.join(code(item) for item in items)}" for kind, items in found.items()]
    if comparison.texts:
        lines += heading("English texts")
        for change in comparison.texts:
            what = (
                "reworded"
                if change.old is not None and change.new is not None
                else "added"
                if change.new
                else "removed"
            )
            lines.append(f"{bullet}{what} {code(change.context)}")
            if markdown and change.old is not None:
                lines.append(f"  - was: {change.old}")
            elif change.old is not None:
                lines.append(f"      was: {change.old}")
            if markdown and change.new is not None:
                lines.append(f"  - now: {change.new}")
            elif change.new is not None:
                lines.append(f"      now: {change.new}")
    for title, found in (
        ("Translations this edit makes stale", comparison.stale),
        ("New texts to translate", comparison.missing),
    ):
        if found:
            lines += heading(title)
            lines += [
                f"{bullet}{tag}: {len(contexts)} ({', '.join(code(context) for context in contexts)})"
                for tag, contexts in found.items()
            ]
    if comparison.retired:
        lines += heading("Finder addresses that disappear, and where their answers now lead")
        lines += [f"{bullet}{code(moved.old + '/')} → {code(moved.target + '/')}" for moved in comparison.retired]
    if comparison.new_addresses:
        lines += ["", f"New finder addresses: {len(comparison.new_addresses):,}."]
    return lines
