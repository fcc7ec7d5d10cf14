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
from generator.logic.flow import Flow, FlowError, Node, OutcomeNode, Path, State, TooManyPagesError
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
    #: What the messages suggest, as edits: per diagnostic, the fixes it offers (each one alone would do).
    fixes: dict[Diagnostic, tuple[explain.Fix, ...]] = field(default_factory=dict)

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
        return (
            f"{_counted(len(policy.scenarios), 'scenario')}, {_counted(len(policy.outcomes), 'outcome')}, "
            f"{explain.count_combinations(self.combinations)}: complete and unambiguous; the finder agrees on every "
            f"combination ({_counted(len(self.nodes), 'page')}, at most {_counted(self.most_questions, 'question')})"
        )


def _counted(count: int, thing: str) -> str:
    """Return ``count`` ``thing`` in words: ``1 question``, ``3 questions``, ``10,000 pages``."""
    return f"{count:,} {thing}{'s' if count != 1 else ''}"


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
    fixes: dict[Diagnostic, tuple[explain.Fix, ...]] = {}
    repairs = explain.Repairs(space, boxes, sets, budget)
    overlap_problems = _overlap_problems(policy, space, boxes, overlaps, found.gaps, repairs, fixes, budget)
    problems = _gap_problems(policy, space, _gaps_left(space, found.gaps, repairs, budget), fixes) + overlap_problems
    problems += _unused(policy, boxes)
    problems += _follows_cycles(policy)
    never_asked = _never_asked(policy, space, boxes)  # the flow still makes sense without them
    flow, nodes = None, list[Node]()
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
        fixes,
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


def _gap_problems(
    policy: Policy, space: AnswerSpace, gaps: list[Box], fixes: dict[Diagnostic, tuple[explain.Fix, ...]]
) -> list[Diagnostic]:
    where = policy.scenarios_where
    problems = []
    for gap in gaps[:MAX_REPORTED]:
        problem = Diagnostic(where, explain.gap_message(space, gap))
        fixes[problem] = (explain.Fix(adds=(gap,)),)
        problems.append(problem)
    if len(gaps) > MAX_REPORTED:
        problems.append(Diagnostic(where, explain.more_gaps_message(space, gaps[MAX_REPORTED:])))
    return problems


def _gaps_left(space: AnswerSpace, gaps: list[Box], repairs: explain.Repairs, budget: Budget) -> list[Box]:
    """The gaps still open once the repairs reported are made: those that one closes are said in its message."""
    if not gaps or repairs.boxes == repairs.original:
        return gaps
    try:
        return cover(space, repairs.boxes, budget=budget).gaps
    except TooTangledError:
        return gaps


def _overlap_problems(
    policy: Policy,
    space: AnswerSpace,
    boxes: list[Box],
    overlaps: list[Overlap],
    gaps: list[Box],
    repairs: explain.Repairs,
    fixes: dict[Diagnostic, tuple[explain.Fix, ...]],
    budget: Budget,
) -> list[Diagnostic]:
    """Say where the overlaps come from, each story once, with the edit that settles it.

    A question's group (:func:`_grouped_by_question`) is told as one, unless
    one scenario's repair settles all of its pairs: a slip in that scenario
    looks like a new question, but is one edit. Then each scenario whose
    repair settles its overlaps better than its partners' would (the one the
    editor most likely changed) is told with its repair. The pairs left are
    told one by one, with the repairs of either side when each would do.
    """
    problems = []
    left = list(overlaps)
    gap_size = sum(space.size(gap) for gap in gaps)
    scenarios = [(scenario.id, scenario.outcome) for scenario in policy.scenarios]

    def repaired(repair: explain.Repair, other: explain.Repair | None = None) -> None:
        message = explain.repair_message(space, scenarios, repair, repairs.boxes[repair.scenario], other)
        problem = Diagnostic(policy.scenarios[repair.scenario].where, message)
        fixes[problem] = (repair.fix,) if other is None else (repair.fix, other.fix)
        problems.append(problem)
        repairs.apply(repair.fix)

    while left:
        try:
            grouped = _grouped_by_question(space, boxes, left, gap_size, budget)
        except TooTangledError:  # the proof's budget is spent: the overlaps left are reported pair by pair
            break
        if grouped is None:
            break
        single = _one_repair_for_all(repairs, grouped.pairs)
        if single is not None:
            repaired(single)
            left = [overlap for overlap in left if single.scenario not in (overlap.first, overlap.second)]
            continue
        problem, fix = _question_overlap(policy, space, boxes, grouped)
        if fix is not None:
            fixes[problem] = (fix,)
            repairs.apply(fix)
        problems.append(problem)
        left = [overlap for overlap in left if overlap not in grouped.pairs]
    reported = 0
    for index in _by_pairs(left)[:MAX_PAIRS_REPAIRED]:
        if reported == MAX_REPORTED:
            break
        repair = repairs.of(index) if any(index in (o.first, o.second) for o in left) else None
        if repair is None or not _better_than_its_partners(repairs, repair):
            continue
        repaired(repair)
        reported += 1
        left = [overlap for overlap in left if index not in (overlap.first, overlap.second)]
    rest, told = list(left), 0
    while rest and told < MAX_REPORTED:
        overlap = rest.pop(0)
        either = [
            repair
            for repair in (repairs.of(overlap.first), repairs.of(overlap.second))
            if repair is not None and len(repair.partners) == 1
        ]
        if any(repair.closes for repair in either):  # a gap beside: the pair is one slip, whichever side it was
            best = max(either, key=lambda repair: (repair.rank(space, repairs.boxes[repair.scenario]), repair.closes))
            other = next((repair for repair in either if repair is not best), None)
            same_gap = other is not None and repairs.covered_gap(other) == repairs.covered_gap(best)
            repaired(best, other if same_gap else None)  # either side, when each alone would do
            continue
        first, second = policy.scenarios[overlap.first], policy.scenarios[overlap.second]
        message = explain.overlap_message(
            space,
            (first.id, first.outcome),
            (second.id, second.outcome),
            overlap.box,
            [
                (policy.scenarios[r.scenario].id, space.questions[r.question], space.answer_ids(r.question, r.answers))
                for r in either
            ],
        )
        problem = Diagnostic(second.where, message)
        if either:
            fixes[problem] = tuple(repair.fix for repair in either)
        problems.append(problem)
        told += 1
    if rest:
        more = f"{len(rest):,} more pair{'s' if len(rest) != 1 else ''}"
        if len(overlaps) >= MAX_PAIRS:
            more = f"over {len(rest):,} more pairs"
        message = f"and {more} of overlapping scenarios; fix the ones above first"
        problems.append(Diagnostic(policy.scenarios_where, message))
    return problems


#: The most scenarios whose repair is looked for, those in the most overlapping pairs first.
MAX_PAIRS_REPAIRED = 50
#: A repair of a scenario that overlaps more scenarios than this is not compared with theirs.
MAX_PARTNERS_COMPARED = 20


def _by_pairs(overlaps: list[Overlap]) -> list[int]:
    """The scenarios in ``overlaps``, those in the most pairs first (then in the YAML's order)."""
    counts: dict[int, int] = {}
    for overlap in overlaps:
        counts[overlap.first] = counts.get(overlap.first, 0) + 1
        counts[overlap.second] = counts.get(overlap.second, 0) + 1
    return sorted(counts, key=lambda index: (-counts[index], index))


def _one_repair_for_all(repairs: explain.Repairs, pairs: set[Overlap]) -> explain.Repair | None:
    """The repair of a scenario in every one of ``pairs`` that settles them all, if there is one."""
    common = set.intersection(*({overlap.first, overlap.second} for overlap in pairs))
    for index in sorted(common):
        repair = repairs.of(index)
        if repair is not None:
            return repair
    return None


def _better_than_its_partners(repairs: explain.Repairs, repair: explain.Repair) -> bool:
    """Whether ``repair`` settles more, or changes less, than any repair of a scenario it overlaps."""
    space, boxes = repairs.space, repairs.boxes
    rank = repair.rank(space, boxes[repair.scenario])
    if len(repair.partners) > MAX_PARTNERS_COMPARED:  # each of those settles one pair, at most one of its own
        return True
    for partner in repair.partners:
        other = repairs.of(partner)
        if other is not None and other.rank(space, boxes[partner]) >= rank:
            return False
    return True


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
        if any({o.first, o.second} <= ignoring or {o.first, o.second} <= depending for o in overlaps):
            continue  # old scenarios that overlap each other, or new ones: not the story of a question added
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


def _question_overlap(
    policy: Policy, space: AnswerSpace, boxes: list[Box], found: _QuestionOverlaps
) -> tuple[Diagnostic, explain.Fix | None]:
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
    fix = explain.Fix(edits=tuple((index, question, found.fix) for index in sorted(found.ignoring)))
    return Diagnostic(policy.questions[question].where, message), fix if found.fix else None


def _unused(policy: Policy, boxes: list[Box]) -> list[Diagnostic]:
    """Scenarios that cover nothing, and outcomes no scenario leads to."""
    problems = [
        Diagnostic(scenario.where, f"scenario '{scenario.id}' is unreachable: no combination of answers matches it")
        for scenario, box in zip(policy.scenarios, boxes, strict=True)
        if 0 in box
    ]
    led_to = {scenario.outcome for scenario, box in zip(policy.scenarios, boxes, strict=True) if 0 not in box}
    problems += [
        Diagnostic(
            outcome.where,
            f"outcome '{outcome.id}' is never reached: no scenario leads to it. Lead the scenario meant for it "
            f"there (outcome: {outcome.id}), or delete the outcome",
        )
        for outcome in policy.outcomes
        if outcome.id not in led_to
    ]
    return problems


def _never_asked(policy: Policy, space: AnswerSpace, boxes: list[Box]) -> list[Diagnostic]:
    """Questions that no scenario restricts: with disjoint, complete scenarios, the only ones never asked."""
    return [
        Diagnostic(
            question.where,
            f"question '{question.id}' is never asked: no scenario depends on its answer. In the when: of each "
            f"scenario that is for some of its answers only, list them (e.g. {question.id}: "
            f"[{question.answers[0].id}]); if no outcome depends on it, delete the question",
        )
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
                problems.append(
                    Diagnostic(
                        where,
                        f"questions follow each other in a cycle: {chain}, so none can be asked first. Take "
                        f"'{other}' out of the follows: of '{cycle[-1]}' (or break another link of the chain)",
                    )
                )
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
        return [], [Diagnostic(where, f"{error} ({witness}){error.advice}")]
    except TooManyPagesError:
        return [], [_too_many_pages(policy, flow, max_pages)]
    nodes = list(flow.walk())
    too_much = _too_much_text(policy, nodes)
    if too_much is not None:
        return [], [too_much]
    return nodes, disagreements(policy, flow)


def _too_much_text(policy: Policy, nodes: list[Node]) -> Diagnostic | None:
    """Refuse a finder whose pages would show more than :data:`MAX_SHOWN_CHARACTERS`, at what is shown most."""
    sizes = {
        ("outcome", outcome.id): len(outcome.title)
        + len(outcome.summary)
        + sum(map(len, policy.shown_texts(outcome.body)))
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


def disagreements(policy: Policy, flow: Flow) -> list[Diagnostic]:
    """Check, state by state, that every combination of answers that reaches an outcome page lies in its scenario.

    This is the finder's agreement with the scenarios, proven on states, by
    induction from the start: the start holds every scenario and no answer;
    after an answer to the question a state asks, the scenarios still possible
    are exactly those of the state that allow it; and a page ends on one of
    the scenarios still possible (so it allows every answer given), which
    allows any answer to the questions not asked. With disjoint, complete
    scenarios it follows from how :class:`Flow` is made, so it finds nothing
    unless the flow itself is wrong; it costs one pass over the states.
    """
    problems = []
    start: State = (flow.sets.every, 0)
    if flow.start != start:
        problems.append(Diagnostic(policy.scenarios_where, "the finder does not start from every scenario"))
    paths: dict[State, Path] = {flow.start: ()}  # the first way found to each state, named in the messages
    pending = [flow.start]
    while pending:
        state = pending.pop()
        possible, answered = state
        path = paths[state]
        step = flow.step(state, path)
        if step.scenario is not None:
            scenario = policy.scenarios[step.scenario]
            box = flow.boxes[step.scenario]
            if not possible >> step.scenario & 1:
                after = explain.format_answers(path) or "no answer"
                message = f"the finder ends on '{scenario.id}' after {after}, which '{scenario.id}' does not cover"
                problems.append(Diagnostic(scenario.where, message))
            for question in range(len(flow.space.questions)):
                if not answered >> question & 1 and not flow.space.is_full(question, box[question]):
                    problems.append(
                        Diagnostic(
                            scenario.where,
                            f"the finder ends on '{scenario.id}' without asking '{flow.space.questions[question]}', "
                            "which it depends on",
                        )
                    )
            continue
        if step.question is None:
            continue
        asked = policy.questions[step.question]
        if len(step.children) != len(asked.answers):
            message = f"the finder asks '{asked.id}' without offering each of its {len(asked.answers)} answers"
            problems.append(Diagnostic(asked.where, message))
            continue
        for answer, (allowing, child) in enumerate(zip(flow.sets.allowing[step.question], step.children, strict=True)):
            child_path = (*path, (asked.id, asked.answer_ids[answer]))
            if child != (possible & allowing, answered | 1 << step.question):
                after = explain.format_answers(child_path)
                message = f"the finder goes on after {after} as if other answers had been given"
                problems.append(Diagnostic(asked.where, message))
            elif child not in paths:
                paths[child] = child_path
                pending.append(child)
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
