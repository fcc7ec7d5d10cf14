"""The proof: every combination of answers leads to exactly one outcome.

:func:`prove` checks, on every build and in ``python -m generator check``:

* completeness: every combination of answers matches a scenario (no gap);
* uniqueness: no combination matches two scenarios (no overlap);
* the ``follows`` order between questions has no cycle;
* the finder's flow can ask its questions in order, reaches every question,
  and agrees with the table on every combination;
* every scenario and every outcome is used.

Each failure carries a witness: a combination of answers that shows it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from generator import flow
from generator.diagnostics import Diagnostic
from generator.model import Policy
from generator.table import DecisionTable, build_table, format_answers


@dataclass(frozen=True)
class Proof:
    """What :func:`prove` found: problems, or the facts it established."""

    table: DecisionTable
    diagnostics: list[Diagnostic]
    nodes: list[flow.Node] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return not self.diagnostics

    def summary(self, policy: Policy) -> str:
        """Say what was proven, in one line."""
        outcomes = [node for node in self.nodes if isinstance(node, flow.OutcomeNode)]
        depth = max((len(node.path) for node in outcomes), default=0)
        return (
            f"{len(policy.scenarios)} scenarios, {len(policy.outcomes)} outcomes, "
            f"{len(self.table.rows)} answer combinations: complete and unambiguous; "
            f"the finder agrees on every combination ({len(self.nodes)} pages, at most {depth} questions)"
        )


def prove(policy: Policy) -> Proof:
    """Check the policy's logic; return the proof with every problem found."""
    table = build_table(policy)
    problems = _gaps(policy, table) + _overlaps(policy, table) + _unused(policy, table)
    problems += _follows_cycles(policy)
    nodes: list[flow.Node] = []
    if not problems:
        nodes, flow_problems = _derive_flow(policy, table)
        problems += flow_problems
    return Proof(table, sorted(problems, key=lambda d: d.position), nodes)


def _gaps(policy: Policy, table: DecisionTable) -> list[Diagnostic]:
    gaps = [combination for combination, scenarios in table.rows.items() if not scenarios]
    if not gaps:
        return []
    more = f" (and {len(gaps) - 1} more)" if len(gaps) > 1 else ""
    return [
        Diagnostic(
            policy.scenarios_where,
            f"no scenario covers {len(gaps)} answer combination{'s' if len(gaps) > 1 else ''}, "
            f"e.g. {format_answers(table.as_answers(gaps[0]))}{more}",
        )
    ]


def _overlaps(policy: Policy, table: DecisionTable) -> list[Diagnostic]:
    problems = []
    for first, second in itertools.combinations(policy.scenarios, 2):
        witness = next(
            (c for c, scenarios in table.rows.items() if first.id in scenarios and second.id in scenarios), None
        )
        if witness is None:
            continue
        answers = table.as_answers(witness)
        shown = {q: a for q, a in answers.items() if q in first.when or q in second.when} or answers
        problems.append(
            Diagnostic(
                second.where,
                f"scenarios '{first.id}' and '{second.id}' overlap, e.g. {format_answers(shown)}",
            )
        )
    return problems


def _unused(policy: Policy, table: DecisionTable) -> list[Diagnostic]:
    matched = {scenario for scenarios in table.rows.values() for scenario in scenarios}
    problems = [
        Diagnostic(scenario.where, f"scenario '{scenario.id}' is unreachable: no combination of answers matches it")
        for scenario in policy.scenarios
        if scenario.id not in matched
    ]
    led_to = {scenario.outcome for scenario in policy.scenarios if scenario.id in matched}
    problems += [
        Diagnostic(outcome.where, f"outcome '{outcome.id}' is never reached: no scenario leads to it")
        for outcome in policy.outcomes
        if outcome.id not in led_to
    ]
    return problems


def _follows_cycles(policy: Policy) -> list[Diagnostic]:
    """Report each cycle in the questions' ``follows`` order once."""
    follows = {question.id: question.follows for question in policy.questions}
    problems = []
    reported: set[frozenset[str]] = set()

    def visit(question: str, trail: list[str]) -> None:
        if question in trail:
            cycle = trail[trail.index(question) :]
            if frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))
                where = policy.question(cycle[0]).where
                chain = " → ".join([*cycle, question])
                problems.append(Diagnostic(where, f"questions follow each other in a cycle: {chain}"))
            return
        for other in follows.get(question, ()):
            visit(other, [*trail, question])

    for question in policy.questions:
        visit(question.id, [])
    return problems


def _derive_flow(policy: Policy, table: DecisionTable) -> tuple[list[flow.Node], list[Diagnostic]]:
    try:
        nodes = list(flow.walk(policy, table))
    except flow.FlowError as error:
        where = error.question.where if error.question else policy.scenarios_where
        witness = f"after {format_answers(dict(error.path))}" if error.path else "before any answer"
        return [], [Diagnostic(where, f"{error} ({witness})")]
    problems = []
    asked = {node.question.id for node in nodes if isinstance(node, flow.QuestionNode)}
    problems += [
        Diagnostic(question.where, f"question '{question.id}' is never asked: no scenario depends on its answer")
        for question in policy.questions
        if question.id not in asked
    ]
    for combination, (scenario,) in table.rows.items():
        answers = table.as_answers(combination)
        reached = flow.follow(policy, table, answers)
        if reached.scenario != scenario:
            problems.append(
                Diagnostic(
                    policy.scenarios_where,
                    f"the finder reaches '{reached.scenario}' but the table says '{scenario}' "
                    f"for {format_answers(answers)}",
                )
            )
    return nodes, problems
