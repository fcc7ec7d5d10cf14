"""What a reviewer sees of the logic: the policy table and the finder's flow, as a tree and as a diagram.

Built from the proof, so it can never drift from what customers get. The
diagram is static SVG drawn here (no script, no other host); the tree is its
text alternative, which screen readers and searches in the page read.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.content.model import Answer, Outcome, Policy, Question, Scenario
from generator.logic import flow
from generator.logic.space import AnswerSpace


@dataclass(frozen=True)
class ScenarioRow:
    """One scenario of the policy table: when it applies, what it leads to, how many combinations it covers."""

    scenario: Scenario
    #: Per question, the answers the scenario covers, or ``None`` for any answer.
    conditions: tuple[tuple[Question, tuple[Answer, ...] | None], ...]
    outcome: Outcome
    combinations: int


def policy_table(policy: Policy, space: AnswerSpace) -> list[ScenarioRow]:
    """Return a row per scenario, in the YAML's order."""
    rows = []
    for scenario in policy.scenarios:
        conditions = tuple(
            (question, tuple(a for a in question.answers if a.id in scenario.when[question.id]))
            if question.id in scenario.when
            else (question, None)
            for question in policy.questions
        )
        combinations = space.size(space.box(scenario.when))
        rows.append(ScenarioRow(scenario, conditions, policy.outcome(scenario.outcome), combinations))
    return rows


@dataclass
class Step:
    """A node of the finder's tree: a question with a branch per answer, or an outcome."""

    question: Question | None = None
    outcome: Outcome | None = None
    scenario: Scenario | None = None
    branches: list[tuple[Answer, Step]] = field(default_factory=list)


def flow_tree(policy: Policy, nodes: list[flow.Node]) -> Step:
    """Return the finder's nodes as a tree, from its first question."""
    steps: dict[flow.Path, Step] = {}
    for node in nodes:
        if isinstance(node, flow.QuestionNode):
            steps[node.path] = Step(question=policy.question(node.question.id))
        else:
            steps[node.path] = Step(outcome=policy.outcome(node.outcome), scenario=policy.scenario(node.scenario))
    for node in nodes:
        if node.path:
            question_id, answer_id = node.path[-1]
            steps[node.path[:-1]].branches.append((policy.question(question_id).answer(answer_id), steps[node.path]))
    return steps[()]


#: The most boxes the diagram draws; a larger finder is reviewed in its text form.
MAX_DRAWN = 400
_COLUMN, _BOX_WIDTH, _LINE, _PAD, _GAP = 240, 200, 16, 8, 12
_CHARS = 27  # characters per line in a box, at the stylesheet's size


@dataclass
class _Box:
    kind: str  # "question", "answer" or "outcome"
    lines: list[str]
    column: int
    children: list[_Box] = field(default_factory=list)
    y: float = 0.0

    @property
    def height(self) -> int:
        return len(self.lines) * _LINE + 2 * _PAD


def diagram(root: Step, words: dict[int, str], label_id: str) -> Markup | None:
    """Return the tree as an SVG diagram, or ``None`` when it has more than :data:`MAX_DRAWN` boxes.

    ``words`` gives the shown text of each question, answer and outcome, by
    ``id()`` of the model object (the locale's words, plain text).
    ``label_id`` names the element that describes the picture.
    """
    top = _boxes(root, words, 0)
    boxes = list(_walk(top))
    if len(boxes) > MAX_DRAWN:
        return None
    slot = max(box.height for box in boxes) + _GAP
    leaves = [box for box in boxes if not box.children]
    for index, leaf in enumerate(leaves):
        leaf.y = index * slot + slot / 2
    for box in reversed(boxes):  # parents after their children
        if box.children:
            box.y = (box.children[0].y + box.children[-1].y) / 2
    width = (max(box.column for box in boxes) + 1) * _COLUMN
    height = len(leaves) * slot
    parts = [
        f'<svg class="review-diagram" role="img" aria-labelledby="{label_id}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for box in boxes:
        for child in box.children:
            parts.append(
                f'<line x1="{box.column * _COLUMN + _BOX_WIDTH}" y1="{box.y:g}" '
                f'x2="{child.column * _COLUMN}" y2="{child.y:g}"/>'
            )
    for box in boxes:
        x, y = box.column * _COLUMN, box.y - box.height / 2
        parts.append(
            f'<g class="review-diagram__{box.kind}"><rect x="{x}" y="{y:g}" width="{_BOX_WIDTH}" '
            f'height="{box.height}" rx="6"/>'
        )
        for number, line in enumerate(box.lines):
            baseline = y + _PAD + (number + 1) * _LINE - 4
            parts.append(f'<text x="{x + _PAD}" y="{baseline:g}">{Markup.escape(line)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _boxes(step: Step, words: dict[int, str], column: int) -> _Box:
    subject = step.question if step.question is not None else step.outcome
    box = _Box("question" if step.question is not None else "outcome", _wrap(words[id(subject)]), column)
    for answer, child in step.branches:
        answer_box = _Box("answer", _wrap(words[id(answer)]), column + 1)
        answer_box.children.append(_boxes(child, words, column + 2))
        box.children.append(answer_box)
    return box


def _walk(box: _Box) -> list[_Box]:
    found = [box]
    for child in box.children:
        found += _walk(child)
    return found


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, _CHARS) or [""]
