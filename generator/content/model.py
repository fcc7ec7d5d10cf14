"""A policy as frozen data: facts, links, procedures, questions, scenarios and outcomes; what policies share.

The model is built from plain data (what :mod:`generator.content.load` returns, or a
dict in a test) and holds references as ids; :mod:`generator.content.references`
checks that they resolve and :mod:`generator.logic.verify` proves the logic.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from generator.content.diagnostics import Position
from generator.content.load import KeyPath
from generator.content.reserved import FINDER_DIR, REVIEW_DIR

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


#: The types of facts, and the units each may have (none: the fact has no unit).
FACT_UNITS: Mapping[str, tuple[str, ...]] = {
    "duration": ("business-day", "day", "week", "month"),
    "mass": ("pound", "kilogram"),
    "money": (),
    "number": (),
    "date": (),
    "name": (),
}


@dataclass(frozen=True)
class Fact:
    """A named, typed value, shown as ``{name}``: the same in every market, or one per market."""

    name: str
    type: str
    #: The value for every market, or ``None`` when it is given per market.
    value: Any = None
    #: Per market id, the value its customers read.
    by_market: Mapping[str, Any] = field(default_factory=dict)
    #: A duration's or a mass's unit.
    unit: str = ""
    #: Money's ISO 4217 code.
    currency: str = ""
    where: Position = field(default=_NOWHERE, compare=False)

    def value_in(self, market: str) -> Any:
        """Return the value the customers of ``market`` read (an amount of money, without its currency)."""
        value = self.value if self.value is not None else self.by_market[market]
        return value["value"] if isinstance(value, Mapping) else value

    def currency_in(self, market: str) -> str:
        """Return the currency of money in ``market``: the fact's, or the one given with that market's amount."""
        value = self.by_market.get(market)
        return str(value["currency"]) if isinstance(value, Mapping) else self.currency

    @property
    def values(self) -> tuple[Any, ...]:
        """Every value of the fact, in any market (an amount of money without its currency)."""
        if self.value is not None:
            return (self.value,)
        return tuple(self.value_in(market) for market in self.by_market)


@dataclass(frozen=True)
class Link:
    """A named link: one address for every market, or one per market."""

    name: str
    url: str = ""
    by_market: Mapping[str, str] = field(default_factory=dict)

    def url_in(self, market: str) -> str:
        return self.url or self.by_market[market]


@dataclass(frozen=True)
class Market:
    """A market: the units its customers read."""

    id: str
    #: ``pound`` or ``kilogram``; empty where no policy shows a mass (the check makes sure).
    mass_unit: str = ""


#: The step a shown mass is rounded to, per unit, where help-center.yaml gives none.
MASS_ROUNDING = {"pound": 0.01, "kilogram": 0.01}


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    kind: ClassVar[str] = "list"


@dataclass(frozen=True)
class NumberedList:
    items: tuple[str, ...]
    kind: ClassVar[str] = "numbered"


@dataclass(frozen=True)
class Heading:
    text: str
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Note:
    text: str
    #: ``info``, ``tip`` or ``warning``.
    note_kind: str = "info"
    kind: ClassVar[str] = "note"


@dataclass(frozen=True)
class TableRow:
    id: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    kind: ClassVar[str] = "table"


@dataclass(frozen=True)
class ProcedureRef:
    """A procedure of the policy, shown in place."""

    procedure: str
    kind: ClassVar[str] = "procedure"


Block = Paragraph | BulletList | NumberedList | Heading | Note | Table | ProcedureRef


def block(data: Any) -> Block:
    """Return the block that plain, schema-valid data describes: a text is a paragraph."""
    if isinstance(data, str):
        return Paragraph(data)
    if "list" in data:
        return BulletList(tuple(data["list"]))
    if "numbered" in data:
        return NumberedList(tuple(data["numbered"]))
    if "heading" in data:
        return Heading(data["heading"])
    if "note" in data:
        return Note(data["note"], data.get("kind", "info"))
    if "table" in data:
        table = data["table"]
        rows = tuple(TableRow(row["id"], tuple(row["cells"])) for row in table["rows"])
        return Table(table["caption"], tuple(table["columns"]), rows)
    return ProcedureRef(data["procedure"])


def blocks(data: Any) -> tuple[Block, ...]:
    return tuple(block(item) for item in data or ())


def block_texts(item: Block) -> tuple[str, ...]:
    """Every text a block shows."""
    if isinstance(item, (Paragraph, Heading, Note)):
        return (item.text,)
    if isinstance(item, (BulletList, NumberedList)):
        return item.items
    if isinstance(item, Table):
        return (item.caption, *item.columns, *(cell for row in item.rows for cell in row.cells))
    return ()


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    body: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Procedure:
    """Named steps, in order, shown where a body includes them."""

    id: str
    steps: tuple[Step, ...]


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
    #: One sentence; empty when the policy gives none (the title stands for it).
    summary: str = ""
    body: tuple[Block, ...] = ()
    where: Position = field(default=_NOWHERE, compare=False)


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    description: str
    intro: str
    escalation: str = ""
    body: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Finder:
    title: str
    description: str
    intro: str
    #: The finder's folder, below the locale's root (``finder``, ``returns/finder``); empty: the default one.
    id: str = ""


@dataclass(frozen=True)
class Policy:
    """One policy of the help center. Build it with :meth:`from_data`."""

    id: str
    questions: tuple[Question, ...]
    scenarios: tuple[Scenario, ...]
    outcomes: tuple[Outcome, ...]
    article: Article
    finder: Finder
    category: str = ""
    #: The policy's own facts and links, by name (the shared ones are the help center's).
    facts: Mapping[str, Fact] = field(default_factory=dict)
    links: Mapping[str, Link] = field(default_factory=dict)
    procedures: tuple[Procedure, ...] = ()
    #: Where the list of scenarios starts: gaps are reported here.
    scenarios_where: Position = field(default=_NOWHERE, compare=False)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], locate: Locate = _nowhere) -> Policy:
        """Build the policy from plain data that passed the schema."""
        article = data["article"]
        return cls(
            id=data.get("id", ""),
            category=data.get("category", ""),
            facts=facts_from_data(data.get("facts", {}), ("facts",), locate),
            links=links_from_data(data.get("links", {})),
            procedures=tuple(
                Procedure(
                    item["id"],
                    tuple(Step(step["id"], step["title"], blocks(step.get("body"))) for step in item["steps"]),
                )
                for item in data.get("procedures", ())
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
                    summary=item.get("summary", ""),
                    body=blocks(item.get("body")),
                    where=locate(("outcomes", index)),
                )
                for index, item in enumerate(data["outcomes"])
            ),
            article=Article(
                id=article["id"],
                title=article["title"],
                description=article["description"],
                intro=article["intro"],
                escalation=article.get("escalation", ""),
                body=blocks(article.get("body")),
            ),
            finder=Finder(**data["finder"]),
            scenarios_where=locate(("scenarios",)),
        )

    @property
    def finder_dir(self) -> str:
        """The finder's folder: ``finder.id`` if the policy gives one, else ``<article id>/finder``."""
        return self.finder.id or f"{self.article.id}/{FINDER_DIR}"

    @property
    def finder_data_file(self) -> str:
        """The finder as data, beside the finder's folder: ``finder.json``, ``returns/finder.json``."""
        return f"{self.finder_dir}.json"

    @property
    def review_dir(self) -> str:
        """The review page's folder: ``review/<policy id>``."""
        return f"{REVIEW_DIR}/{self.id}"

    def question(self, question_id: str) -> Question:
        return next(question for question in self.questions if question.id == question_id)

    def scenario(self, scenario_id: str) -> Scenario:
        return next(scenario for scenario in self.scenarios if scenario.id == scenario_id)

    def outcome(self, outcome_id: str) -> Outcome:
        return next(outcome for outcome in self.outcomes if outcome.id == outcome_id)

    def procedure(self, procedure_id: str) -> Procedure:
        return next(procedure for procedure in self.procedures if procedure.id == procedure_id)

    def shown_texts(self, body: tuple[Block, ...]) -> tuple[str, ...]:
        """Every text ``body`` shows, the steps of the procedures it includes too."""
        texts: list[str] = []
        for item in body:
            if isinstance(item, ProcedureRef):
                for step in self.procedure(item.procedure).steps:
                    texts += [step.title, *self.shown_texts(step.body)]
            else:
                texts += block_texts(item)
        return tuple(texts)


@dataclass(frozen=True)
class Category:
    id: str
    title: str


@dataclass(frozen=True)
class HelpCenter:
    """What every policy shares: markets, mass rounding, facts, links and categories."""

    markets: Mapping[str, Market]
    #: Per mass unit, the step shown masses are rounded to.
    mass_rounding: Mapping[str, float] = field(default_factory=dict)
    facts: Mapping[str, Fact] = field(default_factory=dict)
    links: Mapping[str, Link] = field(default_factory=dict)
    categories: tuple[Category, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, Any], locate: Locate = _nowhere) -> HelpCenter:
        """Build what the policies share from plain data that passed the schema."""
        return cls(
            markets={key: Market(key, value.get("mass_unit", "")) for key, value in data["markets"].items()},
            mass_rounding={**MASS_ROUNDING, **data.get("mass_rounding", {})},
            facts=facts_from_data(data.get("facts", {}), ("facts",), locate),
            links=links_from_data(data.get("links", {})),
            categories=tuple(Category(item["id"], item["title"]) for item in data.get("categories", ())),
        )


def facts_from_data(data: Mapping[str, Any], path: KeyPath, locate: Locate) -> dict[str, Fact]:
    """Return the facts that plain, checked data describes, by name."""
    return {
        name: Fact(
            name=name,
            type=item["type"],
            value=item.get("value"),
            by_market=dict(item.get("by_market", {})),
            unit=item.get("unit", ""),
            currency=item.get("currency", ""),
            where=locate((*path, name)),
        )
        for name, item in data.items()
    }


def links_from_data(data: Mapping[str, Any]) -> dict[str, Link]:
    """Return the links that plain, checked data describes, by name."""
    return {
        name: Link(name, item) if isinstance(item, str) else Link(name, by_market=dict(item["by_market"]))
        for name, item in data.items()
    }


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
