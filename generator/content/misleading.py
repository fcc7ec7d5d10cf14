"""Values the schema lets through but a customer would misread, found before anything is built.

A weight is shown in each published market's unit, rounded to that unit's
step: 0.04 lb becomes "0 kg" on the French pages. Such a value is refused at
its line, with what to change.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.content.diagnostics import Diagnostic
from generator.content.load import Document
from generator.content.model import Mass

#: How the units are written in messages.
_UNIT = {"pound": "lb", "kilogram": "kg"}


def check_shown_weights(policy: Document, markets: Iterable[str]) -> list[Diagnostic]:
    """Return a problem for every average weight that rounds to 0 in the unit of a published market."""
    data = policy.data
    markets_by_unit: dict[str, list[str]] = {}
    for market in sorted(set(markets) & set(data["markets"])):
        markets_by_unit.setdefault(data["markets"][market]["mass_unit"], []).append(market)
    problems = []
    for index, device in enumerate(data["device_weights"]):
        mass = Mass(**device["average"])
        for unit, shown_in in sorted(markets_by_unit.items()):
            step = data["mass_rounding"][unit]
            if mass.convert(unit, step).value == 0:
                where = ("markets " if len(shown_in) > 1 else "market ") + ", ".join(f"'{m}'" for m in shown_in)
                problems.append(
                    Diagnostic(
                        policy.position(("device_weights", index, "average", "value")),
                        f"{mass.value} {_UNIT[mass.unit]} shows as 0 {_UNIT[unit]} in {where} "
                        f"(weights in {unit}s are rounded to {step}): check the weight, or round "
                        f"{unit}s to a finer step in mass_rounding",
                    )
                )
    return problems
