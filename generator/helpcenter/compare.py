"""What an edit changes for customers, translators and links: the core of ``python -m generator diff``.

Any change a customer would read is listed: the outcomes, the English texts,
and the values around them (facts, links, markets, locales:
:mod:`generator.helpcenter.compare_values`).

The outcomes are compared on the rules, like the proof: the scenarios of both
versions are boxes in one answer space (the questions of either, the answers they share),
and every pair of an old and a new scenario that overlap with different
outcomes is a set of customers who now get another outcome. No combination of
answers is enumerated.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass, field
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from generator.content.model import Policy
from generator.content.references import policy_texts
from generator.helpcenter.folder import Content
from generator.helpcenter.ledger import published, redirects
from generator.i18n.messages import HELP_CENTER_CONTEXT, message_context, policy_context
from generator.logic import flow
from generator.logic.cover import ScenarioSets
from generator.logic.explain import describe
from generator.logic.space import AnswerSpace, Box, bits, intersection

if TYPE_CHECKING:  # the values are compared (with Babel's formats) by diff, not by the ledger's find_renames
    from generator.helpcenter.compare_values import LocaleChange, MarketChange, ValueChange

#: The most groups of customers ``diff`` works out: two versions that cut the answers across each other
#: (one scenario per answer of a question, in the old one; per answer of another, in the new one) make one
#: group per pair of scenarios, millions of them, past what anyone reads.
MAX_OUTCOME_CHANGES = 10_000


class TooManyChangesError(Exception):
    """The versions differ for more than :data:`MAX_OUTCOME_CHANGES` groups of customers."""


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
class PolicyComparison:
    """What the new version changes in one policy that both versions have."""

    id: str
    outcome_changes: list[OutcomeChange] = field(default_factory=list)
    #: The combinations both versions decide; those only one of them has (an answer added or removed).
    combinations: int = 0
    only_old: int = 0
    only_new: int = 0
    #: Ids removed and added with the same words, by kind: "old → new".
    renamed: dict[str, list[str]] = field(default_factory=dict)
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    #: The policy's English texts added, removed or reworded.
    texts: list[TextChange] = field(default_factory=list)
    #: The policy's own facts as shown in English, per market both versions publish; its links' addresses.
    facts: list[ValueChange] = field(default_factory=list)
    links: list[ValueChange] = field(default_factory=list)
    retired: list[MovedAddress] = field(default_factory=list)
    new_addresses: list[str] = field(default_factory=list)

    @property
    def seen_by_customers(self) -> bool:
        """Whether a customer would see any of it: another outcome, answer, text, value or finder address."""
        return bool(
            self.outcome_changes
            or self.only_old
            or self.only_new
            or self.added
            or self.removed
            or self.texts
            or self.facts
            or self.links
            or self.retired
        )


@dataclass
class Comparison:
    """Everything the new version changes: in each policy, and in what the policies share."""

    #: Each policy both versions have, in the new version's order.
    policies: list[PolicyComparison] = field(default_factory=list)
    #: The ids of the policies only the new version has, and only the old one.
    added_policies: list[str] = field(default_factory=list)
    removed_policies: list[str] = field(default_factory=list)
    #: The shared facts (help-center.yaml) as shown in English, per market both versions publish; shared links.
    facts: list[ValueChange] = field(default_factory=list)
    links: list[ValueChange] = field(default_factory=list)
    #: Markets added, removed or with another unit of mass; each unit's rounding step.
    markets: list[MarketChange] = field(default_factory=list)
    mass_rounding: list[ValueChange] = field(default_factory=list)
    #: Published locales added, removed or reading another market.
    locales: list[LocaleChange] = field(default_factory=list)
    #: The shared English texts (help-center.yaml's, the interface's) added, removed or reworded.
    texts: list[TextChange] = field(default_factory=list)
    #: Per locale, the messages whose translation this edit makes stale, and the new ones it must translate.
    stale: dict[str, list[str]] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)

    @property
    def seen_by_customers(self) -> bool:
        """Whether a customer would see any of it: in a policy, a policy added or removed, a shared value or text."""
        return bool(
            any(policy.seen_by_customers for policy in self.policies)
            or self.added_policies
            or self.removed_policies
            or self.facts
            or self.links
            or self.markets
            or self.mass_rounding
            or self.locales
            or self.texts
        )

    def as_dict(self) -> dict[str, Any]:
        found = asdict(self)
        for policy, shown in zip(self.policies, found["policies"], strict=True):
            shown["seen_by_customers"] = policy.seen_by_customers
        return {**found, "seen_by_customers": self.seen_by_customers}


def compare(old: Content, new: Content) -> Comparison:
    """Return what ``new`` changes with respect to ``old``."""
    from generator.helpcenter.compare_values import (
        fact_changes,
        link_changes,
        locale_changes,
        market_changes,
        rounding_changes,
    )

    before, after = policies_of(old), policies_of(new)
    result = Comparison(
        added_policies=[policy for policy in after if policy not in before],
        removed_policies=[policy for policy in before if policy not in after],
        facts=fact_changes(old, new, shared=True),
        links=link_changes(old, new, shared=True),
        markets=market_changes(old, new),
        mass_rounding=rounding_changes(old, new),
        locales=locale_changes(old, new),
    )
    old_texts, new_texts = english_texts(old), english_texts(new)
    order = _text_order(new_texts, old_texts)
    texts = [
        TextChange(context, old_texts.get(context), new_texts.get(context))
        for context in sorted(old_texts.keys() | new_texts.keys(), key=order)
        if old_texts.get(context) != new_texts.get(context)
    ]
    prefixes = {f"{policy}/" for policy in [*before, *after]}
    result.texts = [text for text in texts if not any(text.context.startswith(prefix) for prefix in prefixes)]
    for policy_id, policy in after.items():
        if policy_id in before:
            found = compare_policy(before[policy_id], policy)
            found.texts = [text for text in texts if text.context.startswith(f"{policy_id}/")]
            result.policies.append(found)
    changed = {change.context for change in texts if change.old is not None and change.new is not None}
    added = {change.context for change in texts if change.old is None}
    for locale in new.locales.published:  # a locale in the source language too, once it overrides a text
        translations = new.translations.get(locale.tag)
        if translations is None:
            continue
        stale = sorted(changed & translations.stale, key=order)
        missing = [
            source.context
            for source in translations.to_do()  # of a locale that inherits, only its own texts
            if source.context not in translations.stale and source.context in added
        ]
        if stale:
            result.stale[locale.tag] = stale
        if missing:
            result.missing[locale.tag] = missing
    return result


def policies_of(content: Content) -> dict[str, Content]:
    """The content with each of its policies in focus, by the policy's id, in the help center's order."""
    return {each.policy.id: each for each in content.each()}


def english_texts(content: Content) -> dict[str, str]:
    """Every English text a customer reads, by context, in file order: the policies', help-center.yaml's (texts that
    are only a fact too, such as a table cell ``{weight}``, which have nothing to translate), then the interface's."""
    documents = [
        *(
            (policy.policy_document.data, policy_context(policy.policy_document.data))
            for policy in policies_of(content).values()
        ),
        (content.help_center_document.data, HELP_CENTER_CONTEXT),
    ]
    texts = {
        message_context(data, prefix, path): text for data, prefix in documents for path, text in policy_texts(data)
    }
    for message in content.messages:
        texts.setdefault(
            message.context, message.text if message.plural is None else f"{message.text} / {message.plural}"
        )
    return texts


def compare_policy(old: Content, new: Content) -> PolicyComparison:
    """Return what ``new`` changes in the policy in focus, which ``old`` has too (its texts aside)."""
    renamed = find_renames(old.policy, new.policy)
    before = apply_renames(old.policy, renamed)
    space = common_space(before, new.policy)
    result = PolicyComparison(
        new.policy.id,
        renamed={kind: [f"{a} → {b}" for a, b in pairs.items()] for kind, pairs in renamed.items() if pairs},
    )
    old_valid, new_valid = _valid(space, before), _valid(space, new.policy)
    both = intersection(old_valid, new_valid)
    result.combinations = space.size(both) if both else 0
    result.only_old = space.size(old_valid) - result.combinations
    result.only_new = space.size(new_valid) - result.combinations
    result.outcome_changes = outcome_changes(before, new.policy, space)
    _ids(before, new.policy, result)
    # The old finder's addresses are a ledger of what was published: the same redirects a build would write.
    old_addresses = {
        address: dict(renamed_path(tuple(answers.items()), renamed))
        for address, answers in published(old.proof.nodes, old.policy.finder_dir).items()
    }
    finder_dir = new.policy.finder_dir
    retired = redirects(old_addresses, new.proof.nodes, finder_dir)
    result.retired = [MovedAddress(moved.address, moved.target) for moved in retired]
    now = published(new.proof.nodes, finder_dir)
    result.new_addresses = [address for address in now if address not in old_addresses]
    from generator.helpcenter.compare_values import fact_changes, link_changes

    result.facts = fact_changes(old, new, shared=False)
    result.links = link_changes(old, new, shared=False)
    return result


#: Per kind of id (questions, answers, outcomes), old id → new id.
Renames = dict[str, dict[str, str]]


def find_renames(old: Policy, new: Policy) -> Renames:
    """Return the ids an edit renamed: one removed and one added with the same words.

    Answers are matched within their question (``effort=tried`` → ``effort=made-attempt``
    is written ``tried → made-attempt`` under ``answers``, keyed ``effort=tried``).
    """
    questions = _pairs({q.id: q.text for q in old.questions}, {q.id: q.text for q in new.questions})
    answers: dict[str, str] = {}
    for question in old.questions:
        after = next((q for q in new.questions if q.id == questions.get(question.id, question.id)), None)
        if after is None:
            continue
        for before_id, after_id in _pairs(
            {a.id: a.text for a in question.answers}, {a.id: a.text for a in after.answers}
        ).items():
            answers[f"{question.id}={before_id}"] = after_id
    outcomes = _pairs({o.id: o.title for o in old.outcomes}, {o.id: o.title for o in new.outcomes})
    return {"questions": questions, "answers": answers, "outcomes": outcomes}


def _pairs(before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    """Pair the ids only ``before`` has with those only ``after`` has, when exactly one of each has the words."""
    gone = [key for key in before if key not in after]
    came = [key for key in after if key not in before]
    pairs = {}
    for key in gone:
        same = [other for other in came if after[other] == before[key]]
        if len(same) == 1 and [k for k in gone if before[k] == before[key]] == [key]:
            pairs[key] = same[0]
    return pairs


def apply_renames(policy: Policy, renames: Renames) -> Policy:
    """Return ``policy`` with its renamed ids written as the new version writes them."""
    questions, outcomes = renames.get("questions", {}), renames.get("outcomes", {})
    answers = renames.get("answers", {})

    def answer(question: str, answer_id: str) -> str:
        return answers.get(f"{question}={answer_id}", answer_id)

    return dataclasses.replace(
        policy,
        questions=tuple(
            dataclasses.replace(
                q,
                id=questions.get(q.id, q.id),
                answers=tuple(dataclasses.replace(a, id=answer(q.id, a.id)) for a in q.answers),
                follows=tuple(questions.get(f, f) for f in q.follows),
            )
            for q in policy.questions
        ),
        scenarios=tuple(
            dataclasses.replace(
                s,
                when={questions.get(q, q): frozenset(answer(q, a) for a in allowed) for q, allowed in s.when.items()},
                outcome=outcomes.get(s.outcome, s.outcome),
            )
            for s in policy.scenarios
        ),
        outcomes=tuple(dataclasses.replace(o, id=outcomes.get(o.id, o.id)) for o in policy.outcomes),
    )


def renamed_path(path: flow.Path, renames: Renames) -> flow.Path:
    """Return ``path`` with its renamed questions and answers as the new version names them (the ledger's too)."""
    questions, answers = renames.get("questions", {}), renames.get("answers", {})
    return tuple((questions.get(q, q), answers.get(f"{q}={a}", a)) for q, a in path)


def common_space(old: Policy, new: Policy) -> AnswerSpace:
    """The questions of either version, each with the answers of either (the new version's first)."""
    old_answers = {question.id: question.answer_ids for question in old.questions}
    new_answers = {question.id: question.answer_ids for question in new.questions}
    questions = [*new_answers, *(question for question in old_answers if question not in new_answers)]
    answers = [
        (*new_answers.get(q, ()), *(a for a in old_answers.get(q, ()) if a not in new_answers.get(q, ())))
        for q in questions
    ]
    return AnswerSpace(tuple(questions), tuple(answers))


def outcome_changes(old: Policy, new: Policy, space: AnswerSpace) -> list[OutcomeChange]:
    """Return, per pair of an old and a new scenario with different outcomes, the combinations both cover.

    A version covers only the answers it has (a question it does not ask may
    take any answer), so each pair lies in the combinations both versions
    decide. The pairs are disjoint, since each version's scenarios are:
    together they are exactly the combinations whose outcome changed.
    """
    old_valid, new_valid = _valid(space, old), _valid(space, new)
    old_boxes = [_box(space, old_valid, scenario.when) for scenario in old.scenarios]
    new_boxes = [_box(space, new_valid, scenario.when) for scenario in new.scenarios]
    # The new scenarios an old box meets, found with bit sets per answer (as the proof finds overlaps),
    # so that the cost follows the pairs that meet, not every pair.
    sets = ScenarioSets.of(space, [box or tuple(0 for _ in space.questions) for box in new_boxes])
    leading_to: dict[str, int] = {}
    for index, scenario in enumerate(new.scenarios):
        leading_to[scenario.outcome] = leading_to.get(scenario.outcome, 0) | 1 << index
    full = space.full
    changes: list[OutcomeChange] = []
    for old_scenario, old_box in zip(old.scenarios, old_boxes, strict=True):
        if old_box is None:
            continue
        meeting = sets.every & ~leading_to.get(old_scenario.outcome, 0)
        for question, mask in enumerate(old_box):
            if meeting and mask != full[question]:
                meeting &= reduce(or_, (sets.allowing[question][answer] for answer in bits(mask)), 0)
        for index in bits(meeting):
            new_scenario = new.scenarios[index]
            shared = intersection(old_box, new_boxes[index])  # type: ignore[arg-type]
            if shared is not None:
                if len(changes) == MAX_OUTCOME_CHANGES:
                    raise TooManyChangesError(
                        f"the two versions give more than {MAX_OUTCOME_CHANGES:,} groups of customers another "
                        "outcome, too many to list: compare versions nearer each other (one edit at a time)"
                    )
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


def _valid(space: AnswerSpace, policy: Policy) -> Box:
    """The combinations of ``space`` made of ``policy``'s own answers (a question it does not ask: any answer)."""
    return space.box({question.id: question.answer_ids for question in policy.questions})


def _box(space: AnswerSpace, valid: Box, when: Any) -> Box | None:
    """The combinations of ``space`` a scenario covers, within its version's ``valid`` ones."""
    return intersection(space.box(when), valid)


def _ids(old: Policy, new: Policy, result: PolicyComparison) -> None:
    def ids(policy: Policy) -> dict[str, list[str]]:
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


def _text_order(new: dict[str, str], old: dict[str, str]) -> Any:
    """Order contexts as the new version has them, then the removed ones as the old version had them."""
    order = {
        context: index for index, context in enumerate([*new, *(context for context in old if context not in new)])
    }
    return lambda context: order.get(context, len(order))
