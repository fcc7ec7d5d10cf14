"""The policy as frozen data: markets, facts, questions, scenarios and outcomes.

The model is built from plain data (what :mod:`generator.content.load` returns, or a
dict in a test) and holds references as ids; :mod:`generator.content.references`
checks that they resolve and :mod:`generator.logic.verify` proves the logic.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from generator.content.diagnostics import Position
from generator.content.load import KeyPath

#: Finds the source position of the value at a key path.
Locate = Callable[[KeyPath], Position]

_NOWHERE = Position("<data>")


def _nowhere(_path: KeyPath) -> Position:
    return _NOWHERE


#: Kilograms in one unit of mass.
_KILOGRAMS = {"kilogram": Decimal(1), "pound": Decimal("0.45359237")}


@dataclass(frozen=True)
class Mass:
    """A weight: a number and a unit (``pound`` or ``kilogram``)."""

    value: float
    unit: str

    def convert(self, unit: str, step: float) -> Mass:
        """Return this mass in ``unit``, rounded half up to the nearest multiple of ``step``.

        >>> Mass(0.55, "pound").convert("kilogram", 0.05)
        Mass(value=0.25, unit='kilogram')
        >>> Mass(0.55, "pound").convert("pound", 0.05)
        Mass(value=0.55, unit='pound')
        """
        exact = Decimal(str(self.value)) * _KILOGRAMS[self.unit] / _KILOGRAMS[unit]
        size = Decimal(str(step))
        steps = (exact / size).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return Mass(float(steps * size), unit)


@dataclass(frozen=True)
class Delay:
    """A time limit: a count of units such as ``business-day``."""

    count: int
    unit: str


@dataclass(frozen=True)
class Market:
    """Values that differ per market: units, carrier, links."""

    id: str
    mass_unit: str
    carrier: str
    links: Mapping[str, str]


@dataclass(frozen=True)
class DeviceWeight:
    id: str
    label: str
    average: Mass


@dataclass(frozen=True)
class Answer:
    id: str
    text: str
    where: Position = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    answers: tuple[Answer, ...]
    hint: str = ""
    #: Questions that must be answered before this one is asked.
    follows: tuple[str, ...] = ()
    where: Position = field(default=_NOWHERE, compare=False)

    @property
    def answer_ids(self) -> tuple[str, ...]:
        return tuple(answer.id for answer in self.answers)

    def answer(self, answer_id: str) -> Answer:
        return next(answer for answer in self.answers if answer.id == answer_id)


@dataclass(frozen=True)
class Scenario:
    """A rule: the answers it covers per question, and the outcome it leads to."""

    id: str
    #: Per question id, the answers covered; a question not named allows any answer.
    when: Mapping[str, frozenset[str]]
    outcome: str
    situation: str
    where: Position = field(default=_NOWHERE, compare=False)

    def matches(self, answers: Mapping[str, str]) -> bool:
        """Return whether a full set of answers falls in this scenario."""
        return all(answers.get(question) in allowed for question, allowed in self.when.items())


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    summary: str
    body: tuple[str, ...]
    label_steps: bool = False
    after: tuple[str, ...] = ()
    where: Position = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True)
class LabelStep:
    id: str
    title: str
    body: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    weights_table: bool = False
    after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    description: str
    intro: str
    escalation: str


@dataclass(frozen=True)
class Finder:
    title: str
    description: str
    intro: str


@dataclass(frozen=True)
class Policy:
    """The whole policy. Build it with :meth:`from_data`."""

    marketplace: str
    markets: Mapping[str, Market]
    #: Per mass unit, the step shown weights are rounded to.
    mass_rounding: Mapping[str, float]
    delays: Mapping[str, Delay]
    device_weights: tuple[DeviceWeight, ...]
    questions: tuple[Question, ...]
    scenarios: tuple[Scenario, ...]
    outcomes: tuple[Outcome, ...]
    label_steps: tuple[LabelStep, ...]
    article: Article
    finder: Finder
    #: Where the list of scenarios starts: gaps are reported here.
    scenarios_where: Position = field(default=_NOWHERE, compare=False)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], locate: Locate = _nowhere) -> Policy:
        """Build the policy from plain data that passed the schema."""
        return cls(
            marketplace=data["marketplace"],
            markets={key: _market(key, value) for key, value in data["markets"].items()},
            mass_rounding=dict(data["mass_rounding"]),
            delays={key: Delay(**value) for key, value in data["delays"].items()},
            device_weights=tuple(
                DeviceWeight(item["id"], item["label"], Mass(**item["average"])) for item in data["device_weights"]
            ),
            questions=tuple(
                _question(item, ("questions", index), locate) for index, item in enumerate(data["questions"])
            ),
            scenarios=tuple(
                _scenario(item, ("scenarios", index), locate) for index, item in enumerate(data["scenarios"])
            ),
            outcomes=tuple(
                Outcome(
                    id=item["id"],
                    title=item["title"],
                    summary=item["summary"],
                    body=tuple(item["body"]),
                    label_steps=item.get("label_steps", False),
                    after=tuple(item.get("after", ())),
                    where=locate(("outcomes", index)),
                )
                for index, item in enumerate(data["outcomes"])
            ),
            label_steps=tuple(
                LabelStep(
                    id=item["id"],
                    title=item["title"],
                    body=tuple(item.get("body", ())),
                    items=tuple(item.get("items", ())),
                    weights_table=item.get("weights_table", False),
                    after=tuple(item.get("after", ())),
                )
                for item in data["label_steps"]
            ),
            article=Article(**data["article"]),
            finder=Finder(**data["finder"]),
            scenarios_where=locate(("scenarios",)),
        )

    def question(self, question_id: str) -> Question:
        return next(question for question in self.questions if question.id == question_id)

    def scenario(self, scenario_id: str) -> Scenario:
        return next(scenario for scenario in self.scenarios if scenario.id == scenario_id)

    def outcome(self, outcome_id: str) -> Outcome:
        return next(outcome for outcome in self.outcomes if outcome.id == outcome_id)


def _market(key: str, data: Mapping[str, Any]) -> Market:
    return Market(id=key, mass_unit=data["mass_unit"], carrier=data["carrier"], links=dict(data["links"]))


def _question(data: Mapping[str, Any], path: KeyPath, locate: Locate) -> Question:
    return Question(
        id=data["id"],
        text=data["text"],
        hint=data.get("hint", ""),
        follows=tuple(data.get("follows", ())),
        answers=tuple(
            Answer(item["id"], item["text"], locate((*path, "answers", index)))
            for index, item in enumerate(data["answers"])
        ),
        where=locate(path),
    )


def _scenario(data: Mapping[str, Any], path: KeyPath, locate: Locate) -> Scenario:
    return Scenario(
        id=data["id"],
        when={question: frozenset(answers) for question, answers in data["when"].items()},
        outcome=data["outcome"],
        situation=data["situation"],
        where=locate(path),
    )


@dataclass(frozen=True)
class Interface:
    """The interface wording: texts by section and key, and unit plurals."""

    site_name: str
    texts: Mapping[str, Mapping[str, str]]
    units: Mapping[str, Mapping[str, str]]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Interface:
        texts = {key: dict(value) for key, value in data.items() if key not in {"site_name", "units"}}
        return cls(site_name=data["site_name"], texts=texts, units={k: dict(v) for k, v in data["units"].items()})

    def text(self, section: str, key: str) -> str:
        return self.texts[section][key]
