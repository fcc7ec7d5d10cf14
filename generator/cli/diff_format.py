"""A comparison in words: for a terminal, or as Markdown for a pull-request comment."""

from __future__ import annotations

from generator.helpcenter.compare import Comparison
from generator.logic.explain import count_combinations


def as_lines(comparison: Comparison, old: str, new: str, *, markdown: bool = False) -> list[str]:
    """Return ``comparison`` as lines of text; with ``markdown``, with headings and code spans."""

    def code(text: str) -> str:
        return f"`{text}`" if markdown else text

    def heading(text: str) -> list[str]:
        return ["", f"### {text}", ""] if markdown else ["", f"{text}:"]

    bullet, detail = ("- ", "  - ") if markdown else ("  - ", "      ")

    def listing(title: str, found: dict[str, list[str]], counted: bool = False) -> list[str]:
        """A heading and a line per key: its items, counted with ``counted``."""
        if not found:
            return []
        lines = heading(title)
        for key, items in found.items():
            shown = ", ".join(map(code, items))
            lines.append(f"{bullet}{key}: {f'{len(items)} ({shown})' if counted else shown}")
        return lines

    lines = [f"{'## ' if markdown else ''}What {new} changes, compared with {old}"]
    lines += listing("Renamed (the same words under a new id)", comparison.renamed)
    changes = comparison.outcome_changes
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
            f"Every customer gets the same outcome as before ({count_combinations(comparison.combinations)}).",
        ]
    else:
        lines += ["", "The two versions share no combination of answers: nothing to compare customer by customer."]
    for count, which in ((comparison.only_new, "new"), (comparison.only_old, "old")):
        if count:
            lines.append(f"{count_combinations(count)} only the {which} version has (answers added or removed).")
    lines += listing("Added", comparison.added) + listing("Removed", comparison.removed)
    if comparison.texts:
        lines += heading("English texts")
        for text_change in comparison.texts:
            what = "added" if text_change.old is None else "removed" if text_change.new is None else "reworded"
            lines.append(f"{bullet}{what} {code(text_change.context)}")
            lines += [
                f"{detail}{label}: {text}"
                for label, text in (("was", text_change.old), ("now", text_change.new))
                if text is not None
            ]
    lines += listing("Translations this edit makes stale", comparison.stale, counted=True)
    lines += listing("New texts to translate", comparison.missing, counted=True)
    if comparison.retired:
        lines += heading("Finder addresses that disappear, and where their answers now lead")
        lines += [f"{bullet}{code(moved.old + '/')} → {code(moved.target + '/')}" for moved in comparison.retired]
    if comparison.new_addresses:
        lines += ["", f"New finder addresses: {len(comparison.new_addresses):,}."]
    return lines
