"""The finder's question flow, derived from the scenarios' boxes.

The flow asks the questions in the order of the YAML and skips a question as
soon as its answer can no longer change the scenario. It is never written by
hand, so it cannot disagree with the scenarios; :mod:`generator.logic.verify` still
checks, on boxes, that every outcome it reaches covers every answer that
leads there.

After some answers, a scenario is still possible exactly when its box allows
them: the proof has shown the scenarios disjoint and complete, so nothing else
can rule one out. What the finder does next depends only on the scenarios
still possible and the questions already answered (a :data:`State`), so
nodes that share a state share their work, and the pages are counted from the
states before any page is made.

A node of the flow is identified by the answers given to reach it, so its
URL (``finder/not-flagged/accounts/``) stays the same when wording changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator.content.model import Policy, Question
from generator.logic.cover import Budget, ScenarioSets
from generator.logic.space import AnswerSpace, Box, bits

#: The answers given on the way to a node: (question id, answer id) pairs in order.
Path = tuple[tuple[str, str], ...]

#: What the finder knows: the scenarios still possible and the questions answered, both as bit sets.
State = tuple[int, int]


@dataclass(frozen=True)
class QuestionNode:
    """A node where the finder asks ``question``."""

    path: Path
    question: Question


@dataclass(frozen=True)
class OutcomeNode:
    """A node where the answers settle the scenario, and so the outcome."""

    path: Path
    scenario: str
    outcome: str


Node = QuestionNode | OutcomeNode


@dataclass(frozen=True)
class Step:
    """What the finder does in a state: ask a question (``children``: one state per answer) or end."""

    question: int | None = None
    children: tuple[State, ...] = ()
    scenario: int | None = None


class FlowError(Exception):
    """The flow cannot go on from ``path``; the message says why."""

    def __init__(self, message: str, path: Path, question: Question | None = None, advice: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.question = question
        #: What to do about it, said after where it happens (``. Take ... out of ...``).
        self.advice = advice


class TooManyPagesError(Exception):
    """The finder would have more pages than the limit; ``count`` is a lower bound."""

    def __init__(self, count: int) -> None:
        super().__init__(f"more than {count - 1:,} pages")
        self.count = count


class Flow:
    """The finder over a policy whose scenarios are proven disjoint and complete."""

    def __init__(
        self,
        policy: Policy,
        space: AnswerSpace,
        boxes: list[Box],
        sets: ScenarioSets | None = None,
        budget: Budget | None = None,
    ) -> None:
        self.policy = policy
        self.space = space
        self.boxes = boxes
        self.sets = sets or ScenarioSets.of(space, boxes)
        #: The proof's budget, which working out a state spends (a question at a time), so that counting the
        #: pages of a finder of many questions stops as surely as one of many pages. ``None`` once proven: the
        #: pages are then made from the states already worked out.
        self.budget = budget
        index = {question: position for position, question in enumerate(space.questions)}
        #: Per question, the questions it follows, as a bit set of their indexes.
        self.follows = tuple(
            sum(1 << index[other] for other in question.follows if other in index) for question in policy.questions
        )
        self.start: State = (self.sets.every, 0)
        self._steps: dict[State, Step] = {}

    @property
    def states(self) -> dict[State, Step]:
        """The states met so far, each with its step."""
        return self._steps

    def step(self, state: State, path: Path = ()) -> Step:
        """Return what the finder does in ``state``, reached by ``path`` (named in errors)."""
        found = self._steps.get(state)
        if found is None:
            found = self._steps[state] = self._decide(state, path)
        return found

    def _decide(self, state: State, path: Path) -> Step:
        possible, answered = state
        if self.budget is not None:
            self.budget.spend(len(self.sets.restricting))
        if possible and not possible & (possible - 1):
            return Step(scenario=possible.bit_length() - 1)
        waiting = None
        for question, restricting in enumerate(self.sets.restricting):
            if answered >> question & 1 or not possible & restricting:
                continue  # answered, or no answer to it would rule a possible scenario out
            if not self.follows[question] & ~answered:
                children = tuple(
                    (possible & allowing, answered | 1 << question) for allowing in self.sets.allowing[question]
                )
                return Step(question=question, children=children)
            if waiting is None:
                waiting = question
        if waiting is not None:
            blocked = self.policy.questions[waiting]
            answered_ids = {question for question, _ in path}
            missing = ", ".join(f"'{other}'" for other in blocked.follows if other not in answered_ids)
            raise FlowError(
                f"question '{blocked.id}' must follow {missing}, which is not asked on this path",
                path,
                blocked,
                f": the finder cannot ask '{blocked.id}' there. Take {missing} out of the follows: of "
                f"'{blocked.id}', or make the scenarios still possible there depend on {missing} too",
            )
        names = ", ".join(self.policy.scenarios[index].id for index in bits(possible))
        raise FlowError(f"no question separates scenarios {names}", path)

    def count_pages(self, limit: int) -> int:
        """Return how many pages the finder has; raise :class:`TooManyPagesError` as soon as it passes ``limit``.

        Each state is worked out once, whatever the number of paths to it, and
        the count stops as soon as it passes the limit, so that a policy whose
        finder is too big is refused in the time of ``limit`` pages.
        """
        counts: dict[State, int] = {}

        def pages(state: State, path: Path) -> int:
            known = counts.get(state)
            if known is not None:
                return known
            if len(self._steps) > limit:
                raise TooManyPagesError(limit + 1)
            step = self.step(state, path)
            total = 1
            if step.question is not None:
                question = self.policy.questions[step.question]
                for answer, child in zip(question.answer_ids, step.children, strict=True):
                    total += pages(child, (*path, (question.id, answer)))
                    if total > limit:
                        raise TooManyPagesError(total)
            counts[state] = total
            return total

        return pages(self.start, ())

    def node(self, path: Path, step: Step) -> Node:
        if step.question is not None:
            return QuestionNode(path, self.policy.questions[step.question])
        assert step.scenario is not None
        scenario = self.policy.scenarios[step.scenario]
        return OutcomeNode(path, scenario.id, scenario.outcome)

    def walk(self) -> Iterator[Node]:
        """Yield every node of the flow, depth first, answers in YAML order."""
        pending: list[tuple[Path, State]] = [((), self.start)]
        while pending:
            path, state = pending.pop()
            step = self.step(state, path)
            yield self.node(path, step)
            if step.question is not None:
                question = self.policy.questions[step.question]
                pending.extend(
                    ((*path, (question.id, answer)), child)
                    for answer, child in reversed(list(zip(question.answer_ids, step.children, strict=True)))
                )

    def state(self, path: Path) -> State:
        """Return the state the answers in ``path`` lead to (asked or not)."""
        possible, answered = self.start
        for question_id, answer_id in path:
            question = self.space.questions.index(question_id)
            answer = self.space.answers[question].index(answer_id)
            possible &= self.sets.allowing[question][answer]
            answered |= 1 << question
        return possible, answered

    def next_node(self, path: Path) -> Node:
        """Return the node the finder shows after the answers in ``path``."""
        return self.node(path, self.step(self.state(path), path))

    def follow(self, answers: Mapping[str, str]) -> OutcomeNode:
        """Answer the finder's questions from a full set of ``answers``; return where it ends."""
        path: Path = ()
        while True:
            node = self.next_node(path)
            if isinstance(node, OutcomeNode):
                return node
            path = (*path, (node.question.id, answers[node.question.id]))
