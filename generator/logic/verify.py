"""The proof: every combination of answers leads to exactly one outcome.

:func:`prove` checks, on every build and in ``python -m generator check``:

* completeness: every combination of answers matches a scenario (no gap);
* uniqueness: no combination matches two scenarios (no overlap);
* every scenario, outcome and question is used;
* the ``follows`` order between questions has no cycle;
* the finder's flow can ask its questions in order, stays within
  :data:`MAX_FINDER_PAGES`, and ends on a scenario that covers every answer
  leading there.

All of it works on the scenarios' boxes (:mod:`generator.logic.space`), never on
the combinations inside them, so the proof costs what the rules cost. Each
gap and overlap is reported as the box it is, with the YAML that fixes it;
:mod:`generator.logic.table`, which enumerates, is kept as the tests' oracle.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from generator.content.diagnostics import Diagnostic
from generator.content.model import Policy, Question
from generator.logic import explain
from generator.logic.cover import Budget, ScenarioSets, TooTangledError, cover, overlapping_pairs
from generator.logic.flow import Flow, FlowError, Node, OutcomeNode, TooManyPagesError
from generator.logic.space import AnswerSpace, Box, intersection

#: The most finder pages a locale may have: past it, a build would take too long to be of use.
MAX_FINDER_PAGES = 10_000
#: The most characters of the policy's texts the finder's pages may show, in each language: a long outcome
#: on thousands of pages would make a site of gigabytes (the texts themselves are limited to 1 MiB).
MAX_SHOWN_CHARACTERS = 50_000_000
#: Gaps and overlaps are reported one by one up to this many, then counted.
MAX_REPORTED = 10
#: The most overlapping pairs worked out (and reported in a count).
MAX_PAIRS = 10_000
#: An overlap shared by at least this many pairs around one question is reported once, for the question.
GROUPED_PAIRS = 3


@dataclass(frozen=True)
class Overlap:
    """Two scenarios (by index) that both cover ``box``."""

    first: int
    second: int
    box: Box


@dataclass(frozen=True)
class Proof:
    """What :func:`prove` found: problems, or the facts it established."""

    space: AnswerSpace
    diagnostics: list[Diagnostic]
    #: Boxes no scenario covers.
    gaps: list[Box] = field(default_factory=list)
    #: Pairs of scenarios that cover the same combinations.
    overlaps: list[Overlap] = field(default_factory=list)
    #: The finder, once the scenarios are proven disjoint and complete.
    flow: Flow | None = None
    nodes: list[Node] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return not self.diagnostics

    @property
    def combinations(self) -> int:
        return self.space.size(self.space.full)

    @property
    def most_questions(self) -> int:
        """The most questions the finder asks before an outcome (``{max_questions}`` in texts)."""
        return max((len(node.path) for node in self.nodes if isinstance(node, OutcomeNode)), default=0)

    def summary(self, policy: Policy) -> str:
        """Say what was proven, in one line."""
        depth = self.most_questions
        return (
            f"{len(policy.scenarios)} scenarios, {len(policy.outcomes)} outcomes, "
            f"{explain.count_combinations(self.combinations)}: complete and unambiguous; "
            f"the finder agrees on every combination ({len(self.nodes):,} pages, at most {depth} questions)"
        )


def prove(policy: Policy, *, max_pages: int = MAX_FINDER_PAGES, budget: Budget | None = None) -> Proof:
    """Check the policy's logic; return the proof with every problem found.

    All of its work counts against ``budget`` (:class:`~generator.logic.cover.Budget`): a policy that would take
    more is refused as too tangled to prove, whatever part of the proof it would take the time in.
    """
    budget = budget or Budget(scenarios=len(policy.scenarios))
    space = AnswerSpace.of(policy)
    try:
        budget.spend(len(policy.scenarios) * len(policy.questions))  # a box per scenario, a mask per question
    except TooTangledError:
        return Proof(space, [_too_tangled(policy, budget)])
    boxes = [space.box(scenario.when) for scenario in policy.scenarios]
    sets = ScenarioSets.of(space, boxes)
    try:
        found = cover(space, boxes, sets, budget)
        overlaps = _overlaps(space, boxes, sets, budget)
    except TooTangledError:
        return Proof(space, [_too_tangled(policy, budget)])
    problems = _gap_problems(policy, space, found.gaps)
    problems += _overlap_problems(policy, space, boxes, overlaps, found.gaps, budget)
    problems += _unused(policy, boxes)
    problems += _follows_cycles(policy)
    never_asked = _never_asked(policy, space, boxes)  # the flow still makes sense without them
    flow, nodes = None, []
    if not problems:
        flow = Flow(policy, space, boxes, sets, budget)
        try:
            nodes, flow_problems = _derive_flow(policy, flow, max_pages)
        except TooTangledError:
            nodes, flow_problems = [], [_too_tangled(policy, budget)]
        flow.budget = None  # the proof is done: the build and the preview work on the states it worked out
        problems += flow_problems
    problems += never_asked
    return Proof(
        space,
        sorted(problems, key=lambda d: d.position),
        found.gaps,
        overlaps,
        flow if not problems else None,
        nodes if not problems else [],
    )


def _too_tangled(policy: Policy, budget: Budget) -> Diagnostic:
    """Say that the proof would take too long, and what to simplify."""
    return Diagnostic(
        policy.scenarios_where,
        f"the scenarios are too tangled to prove: the proof would take more than {budget.limit:,} steps, "
        "where a policy an editor can review takes a few thousand; give the scenarios fewer, broader conditions "
        "(one scenario per outcome and group of answers, each question in as few of them as it can be), "
        "or split the policy into smaller ones",
    )


def _overlaps(space: AnswerSpace, boxes: list[Box], sets: ScenarioSets, budget: Budget) -> list[Overlap]:
    """The pairs of scenarios that share a combination, with all that they share: all, or the first 10,000.

    A catch-all scenario among 2,000 others would make millions of pairs;
    an editor reads the first few, and is told that there are more.
    """
    overlaps = []
    for first, second in overlapping_pairs(space, boxes, sets, MAX_PAIRS, budget):
        budget.spend(len(space.questions))
        shared = intersection(boxes[first], boxes[second])
        assert shared is not None
        overlaps.append(Overlap(first, second, shared))
    return overlaps


def _gap_problems(policy: Policy, space: AnswerSpace, gaps: list[Box]) -> list[Diagnostic]:
    where = policy.scenarios_where
    problems = [Diagnostic(where, explain.gap_message(space, gap)) for gap in gaps[:MAX_REPORTED]]
    if len(gaps) > MAX_REPORTED:
        problems.append(Diagnostic(where, explain.more_gaps_message(space, gaps[MAX_REPORTED:])))
    return problems


def _overlap_problems(
    policy: Policy, space: AnswerSpace, boxes: list[Box], overlaps: list[Overlap], gaps: list[Box], budget: Budget
) -> list[Diagnostic]:
    problems = []
    left = list(overlaps)
    gap_size = sum(space.size(gap) for gap in gaps)
    while left:
        try:
            grouped = _grouped_by_question(space, boxes, left, gap_size, budget)
        except TooTangledError:  # the proof's budget is spent: the overlaps left are reported pair by pair
            break
        if grouped is None:
            break
        problems.append(_question_overlap(policy, space, boxes, grouped))
        left = [overlap for overlap in left if overlap not in grouped.pairs]
    for overlap in left[:MAX_REPORTED]:
        first, second = policy.scenarios[overlap.first], policy.scenarios[overlap.second]
        message = explain.overlap_message(space, (first.id, first.outcome), (second.id, second.outcome), overlap.box)
        problems.append(Diagnostic(second.where, message))
    if len(left) > MAX_REPORTED:
        count = len(left) - MAX_REPORTED
        more = f"{count:,} more pair{'s' if count != 1 else ''}"
        if len(overlaps) >= MAX_PAIRS:
            more = f"over {count:,} more pairs"
        message = f"and {more} of overlapping scenarios; fix the ones above first"
        problems.append(Diagnostic(policy.scenarios_where, message))
    return problems


@dataclass(frozen=True)
class _QuestionOverlaps:
    """Overlaps that one question explains: the scenarios that ignore it overlap those that depend on it."""

    question: int
    pairs: set[Overlap]
    #: The scenarios that allow any answer to the question, and those that do not, by index.
    ignoring: set[int]
    depending: set[int]
    #: The answers to give those that ignore it, when that fixes every overlap without a gap; else 0.
    fix: int


def _grouped_by_question(
    space: AnswerSpace, boxes: list[Box], overlaps: list[Overlap], gap_size: int, budget: Budget
) -> _QuestionOverlaps | None:
    """Find the question of an added question's overlaps.

    Adding a question looks like this: several scenarios ignore it (they allow
    any answer to it), fewer depend on it, and the ones that ignore it overlap
    the ones that depend on it, either each one each other, or so that giving
    those that ignore it the answers the others leave fixes every overlap
    without a new gap. That fix is offered only when it works (0 otherwise).
    Of several such questions, one with a fix that works wins, then the one
    behind the most overlaps.
    """
    shared = {(overlap.first, overlap.second) for overlap in overlaps}
    best: tuple[tuple[bool, int, int], _QuestionOverlaps] | None = None
    for question in range(len(space.questions)):
        budget.spend(len(overlaps))
        ignoring, depending, pairs = set(), set(), set()
        for overlap in overlaps:
            first_full = space.is_full(question, boxes[overlap.first][question])
            if first_full != space.is_full(question, boxes[overlap.second][question]):
                pairs.add(overlap)
                ignoring.add(overlap.first if first_full else overlap.second)
                depending.add(overlap.second if first_full else overlap.first)
        if len(pairs) < GROUPED_PAIRS or len(ignoring) < 2 or len(ignoring) < len(depending):
            continue
        taken = 0
        for index in depending:
            taken |= boxes[index][question]
        rest = space.full[question] & ~taken
        fix = rest if rest and _leaves_no_new_gap(space, boxes, question, ignoring, rest, gap_size, budget) else 0
        every = all((min(wide, narrow), max(wide, narrow)) in shared for wide in ignoring for narrow in depending)
        if not (fix or every):  # overlaps that merely look alike: each is reported on its own
            continue
        rank = (bool(fix), len(pairs), len(ignoring) - len(depending))
        if best is None or rank > best[0]:
            best = (rank, _QuestionOverlaps(question, pairs, ignoring, depending, fix))
    return None if best is None else best[1]


def _leaves_no_new_gap(
    space: AnswerSpace, boxes: list[Box], question: int, ignoring: set[int], answers: int, gap_size: int, budget: Budget
) -> bool:
    """Return whether giving the scenarios ``ignoring`` only ``answers`` to ``question`` leaves the gaps as they are."""
    fixed = [
        (*box[:question], answers, *box[question + 1 :]) if index in ignoring else box
        for index, box in enumerate(boxes)
    ]
    try:
        budget.spend(len(boxes) * len(space.questions))  # the bit sets of the fixed boxes
        return sum(space.size(gap) for gap in cover(space, fixed, budget=budget).gaps) == gap_size
    except TooTangledError:
        return False


def _question_overlap(policy: Policy, space: AnswerSpace, boxes: list[Box], found: _QuestionOverlaps) -> Diagnostic:
    question = found.question
    message = explain.question_overlap_message(
        space.questions[question],
        [policy.scenarios[index].id for index in sorted(found.ignoring)],
        [
            (policy.scenarios[index].id, space.answer_ids(question, boxes[index][question]))
            for index in sorted(found.depending)
        ],
        space.answer_ids(question, found.fix),
    )
    return Diagnostic(policy.questions[question].where, message)


def _unused(policy: Policy, boxes: list[Box]) -> list[Diagnostic]:
    """Scenarios that cover nothing, and outcomes no scenario leads to."""
    problems = [
        Diagnostic(scenario.where, f"scenario '{scenario.id}' is unreachable: no combination of answers matches it")
        for scenario, box in zip(policy.scenarios, boxes, strict=True)
        if 0 in box
    ]
    led_to = {scenario.outcome for scenario, box in zip(policy.scenarios, boxes, strict=True) if 0 not in box}
    problems += [
        Diagnostic(outcome.where, f"outcome '{outcome.id}' is never reached: no scenario leads to it")
        for outcome in policy.outcomes
        if outcome.id not in led_to
    ]
    return problems


def _never_asked(policy: Policy, space: AnswerSpace, boxes: list[Box]) -> list[Diagnostic]:
    """Questions that no scenario restricts: with disjoint, complete scenarios, the only ones never asked."""
    return [
        Diagnostic(question.where, f"question '{question.id}' is never asked: no scenario depends on its answer")
        for index, question in enumerate(policy.questions)
        if all(space.is_full(index, box[index]) or 0 in box for box in boxes)
    ]


def _follows_cycles(policy: Policy) -> list[Diagnostic]:
    """Report the cycles in the questions' ``follows`` order, each once.

    A depth-first search without recursion: a chain of a thousand questions
    neither overflows the stack nor takes longer than the questions' number.
    """
    follows = {question.id: question.follows for question in policy.questions}
    on_path, done = set(), set()
    problems = []
    for start in follows:
        if start in done:
            continue
        path, pending = [start], [iter(follows[start])]
        on_path.add(start)
        while pending:
            other = next(pending[-1], None)
            if other is None:
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                pending.pop()
            elif other in on_path:
                cycle = path[path.index(other) :]
                chain = " → ".join([*cycle, other])
                where = policy.question(cycle[0]).where
                problems.append(Diagnostic(where, f"questions follow each other in a cycle: {chain}"))
            elif other not in done and other in follows:
                path.append(other)
                on_path.add(other)
                pending.append(iter(follows[other]))
    return problems


def _derive_flow(policy: Policy, flow: Flow, max_pages: int) -> tuple[list[Node], list[Diagnostic]]:
    try:
        flow.count_pages(max_pages)
    except FlowError as error:
        where = error.question.where if error.question else policy.scenarios_where
        witness = f"after {explain.format_answers(error.path)}" if error.path else "before any answer"
        return [], [Diagnostic(where, f"{error} ({witness})")]
    except TooManyPagesError:
        return [], [_too_many_pages(policy, flow, max_pages)]
    nodes = list(flow.walk())
    too_much = _too_much_text(policy, nodes)
    if too_much is not None:
        return [], [too_much]
    return nodes, _disagreements(policy, flow)


def _too_much_text(policy: Policy, nodes: list[Node]) -> Diagnostic | None:
    """Refuse a finder whose pages would show more than :data:`MAX_SHOWN_CHARACTERS`, at what is shown most."""
    steps = sum(len(step.title) + sum(map(len, (*step.body, *step.items, *step.after))) for step in policy.label_steps)
    sizes = {
        ("outcome", outcome.id): len(outcome.title)
        + len(outcome.summary)
        + sum(map(len, (*outcome.body, *outcome.after)))
        + (steps if outcome.label_steps else 0)
        for outcome in policy.outcomes
    }
    for question in policy.questions:
        texts = (question.text, question.hint, *(answer.text for answer in question.answers))
        sizes["question", question.id] = sum(map(len, texts))
    pages: dict[tuple[str, str], int] = {}  # the pages showing each outcome and question
    for node in nodes:
        key = ("outcome", node.outcome) if isinstance(node, OutcomeNode) else ("question", node.question.id)
        pages[key] = pages.get(key, 0) + 1
    total = sum(sizes[key] * count for key, count in pages.items())
    if total <= MAX_SHOWN_CHARACTERS:
        return None
    (kind, name), count = max(pages.items(), key=lambda item: sizes[item[0]] * item[1])
    where = policy.outcome(name).where if kind == "outcome" else policy.question(name).where
    return Diagnostic(
        where,
        f"the finder would show {total:,} characters of text in each language, more than the "
        f"{MAX_SHOWN_CHARACTERS:,} a site can hold: {kind} '{name}' ({sizes[kind, name]:,} characters) is on "
        f"{count:,} of its pages; shorten its texts, or ask fewer questions before it",
    )


def _disagreements(policy: Policy, flow: Flow) -> list[Diagnostic]:
    """Check, state by state, that the scenario a finder path ends on covers every answer not asked on it.

    This is the finder's agreement with the scenarios, proven on boxes: every
    combination that reaches an outcome page lies in that page's scenario.
    With disjoint, complete scenarios it follows from how the flow is made, so
    it finds nothing unless the flow itself is wrong; it costs one pass over
    the states, and the property tests hold the flow to brute force besides.
    """
    problems = []
    for (_, answered), step in flow.states.items():
        if step.scenario is None:
            continue
        box = flow.boxes[step.scenario]
        for question in range(len(flow.space.questions)):
            if not answered >> question & 1 and not flow.space.is_full(question, box[question]):
                scenario = policy.scenarios[step.scenario]
                problems.append(
                    Diagnostic(
                        scenario.where,
                        f"the finder ends on '{scenario.id}' without asking '{flow.space.questions[question]}', "
                        "which it depends on",
                    )
                )
    return problems


def _too_many_pages(policy: Policy, flow: Flow, max_pages: int) -> Diagnostic:
    """Say that the finder is too big, and which order of the questions would help."""
    deciding = {
        question.id: restricting.bit_count()  # the scenarios that depend on the question
        for question, restricting in zip(policy.questions, flow.sets.restricting, strict=True)
    }
    ranked = sorted(policy.questions, key=lambda question: -deciding[question.id])
    order: list[Question] = []  # the most decisive first, each after the questions it follows
    while ranked:
        placed = {question.id for question in order}
        ready = next((q for q in ranked if all(other in placed for other in q.follows)), ranked[0])
        order.append(ready)
        ranked.remove(ready)
    advice = (
        "ask first the questions that decide the most (in questions:, "
        + ", ".join(f"'{question.id}' ({deciding[question.id]} scenarios)" for question in order[:3])
        + (" …" if len(order) > 3 else "")
        + ")"
    )
    if [question.id for question in order] == [question.id for question in policy.questions]:
        advice = "the questions already come in the order that decides the most; split the policy into smaller ones"
    else:
        reordered = dataclasses.replace(policy, questions=tuple(order))
        reordered_space = AnswerSpace.of(reordered)
        try:
            boxes = [reordered_space.box(scenario.when) for scenario in policy.scenarios]
            pages = Flow(reordered, reordered_space, boxes, budget=flow.budget).count_pages(max_pages)
            advice += f": in that order, it would have {pages:,} pages"
        except (FlowError, TooManyPagesError):
            advice += ", or split the policy into smaller ones"
    return Diagnostic(
        policy.questions[0].where,
        f"the finder would have more than {max_pages:,} pages in each language, too many to build; {advice}",
    )
