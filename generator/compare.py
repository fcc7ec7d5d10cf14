"""What an edit changes for customers, translators and links: the core of ``python -m generator diff``.

It works on the rules, like the proof: the scenarios of both versions are
boxes in one answer space (the questions of either, the answers they share),
and every pair of an old and a new scenario that overlap with different
outcomes is a set of customers who now get another outcome. No combination of
answers is enumerated.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from generator.addresses import best_match, node_dir
from generator.content import Content
from generator.explain import describe
from generator.model import Policy
from generator.space import AnswerSpace, Box, intersection


@dataclass(frozen=True)
class OutcomeChange:
    """Customers who now get another outcome: which answers, how many combinations, from what to what."""

    answers: str
    combinations: int
    old_outcome: str
    new_outcome: str
    old_scenario: str
    new_scenario: str


@dataclass(frozen=True)
class TextChange:
    """An English text added, removed or reworded, by its message context."""

    context: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class MovedAddress:
    """A finder address the old version published and the new one does not, and where it now leads."""

    old: str
    target: str


@dataclass
class Comparison:
    """Everything the new version changes."""

    outcome_changes: list[OutcomeChange] = field(default_factory=list)
    #: The combinations both versions have (answers added or removed are listed with the ids).
    combinations: int = 0
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    texts: list[TextChange] = field(default_factory=list)
    #: Per locale, the messages whose translation this edit makes stale.
    stale: dict[str, list[str]] = field(default_factory=dict)
    retired: list[MovedAddress] = field(default_factory=list)
    new_addresses: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.outcome_changes or self.added or self.removed or self.texts or self.retired)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def compare(old: Content, new: Content) -> Comparison:
    """Return what ``new`` changes with respect to ``old``."""
    space = common_space(old.policy, new.policy)
    result = Comparison(combinations=space.size(space.full))
    result.outcome_changes = outcome_changes(old.policy, new.policy, space)
    _ids(old, new, result)
    old_texts = {message.context: message.text for message in old.messages}
    new_texts = {message.context: message.text for message in new.messages}
    for context in sorted(old_texts.keys() | new_texts.keys(), key=_message_order(new, old)):
        before, after = old_texts.get(context), new_texts.get(context)
        if before != after:
            result.texts.append(TextChange(context, before, after))
    changed = {change.context for change in result.texts if change.old is not None and change.new is not None}
    for locale in new.locales.translated:
        stale = sorted(changed & new.translations[locale.tag].stale, key=_message_order(new, old))
        if stale:
            result.stale[locale.tag] = stale
    old_nodes = {node_dir(node.path): node for node in old.proof.nodes}
    new_paths = {node.path: node for node in new.proof.nodes}
    new_dirs = {node_dir(path) for path in new_paths}
    for address, node in old_nodes.items():
        if address not in new_dirs:
            result.retired.append(MovedAddress(address, node_dir(best_match(new_paths, node.path))))
    result.new_addresses = [
        address for address in (node_dir(node.path) for node in new.proof.nodes) if address not in old_nodes
    ]
    return result


def common_space(old: Policy, new: Policy) -> AnswerSpace:
    """The questions of either version, each with the answers both versions give it (or the one that has it)."""
    old_answers = {question.id: question.answer_ids for question in old.questions}
    new_answers = {question.id: question.answer_ids for question in new.questions}
    questions = [*new_answers, *(question for question in old_answers if question not in new_answers)]
    answers = []
    for question in questions:
        if question in old_answers and question in new_answers:
            answers.append(tuple(answer for answer in new_answers[question] if answer in old_answers[question]))
        else:
            answers.append(new_answers.get(question) or old_answers[question])
    return AnswerSpace(tuple(questions), tuple(answers))


def outcome_changes(old: Policy, new: Policy, space: AnswerSpace) -> list[OutcomeChange]:
    """Return, per pair of an old and a new scenario with different outcomes, the combinations both cover.

    The pairs are disjoint, since each version's scenarios are: together they
    are exactly the combinations of ``space`` whose outcome changed.
    """
    old_boxes = [_box(space, scenario.when) for scenario in old.scenarios]
    new_boxes = [_box(space, scenario.when) for scenario in new.scenarios]
    changes = []
    for old_scenario, old_box in zip(old.scenarios, old_boxes, strict=True):
        if old_box is None:
            continue
        for new_scenario, new_box in zip(new.scenarios, new_boxes, strict=True):
            if new_box is None or old_scenario.outcome == new_scenario.outcome:
                continue
            shared = intersection(old_box, new_box)
            if shared is not None:
                changes.append(
                    OutcomeChange(
                        describe(space, shared),
                        space.size(shared),
                        old_scenario.outcome,
                        new_scenario.outcome,
                        old_scenario.id,
                        new_scenario.id,
                    )
                )
    return sorted(changes, key=lambda change: (change.old_outcome, change.new_outcome, -change.combinations))


def _box(space: AnswerSpace, when: Any) -> Box | None:
    box = space.box(when)
    return box if all(box) else None  # a scenario whose answers are all gone covers nothing both versions have


def _ids(old: Content, new: Content, result: Comparison) -> None:
    def ids(content: Content) -> dict[str, list[str]]:
        policy = content.policy
        return {
            "questions": [question.id for question in policy.questions],
            "answers": [f"{question.id}={answer.id}" for question in policy.questions for answer in question.answers],
            "scenarios": [scenario.id for scenario in policy.scenarios],
            "outcomes": [outcome.id for outcome in policy.outcomes],
        }

    before, after = ids(old), ids(new)
    for kind in before:
        added = [item for item in after[kind] if item not in before[kind]]
        removed = [item for item in before[kind] if item not in after[kind]]
        if added:
            result.added[kind] = added
        if removed:
            result.removed[kind] = removed


def _message_order(new: Content, old: Content) -> Any:
    """Order contexts as the new YAML has them, then the removed ones as the old YAML had them."""
    order: dict[str, int] = {}
    for message in [*new.messages, *old.messages]:
        order.setdefault(message.context, len(order))
    return lambda context: order.get(context, len(order))
