"""The proof on boxes against brute force, checked with Hypothesis.

* On the real policy, any full set of answers falls in exactly one scenario,
  and the finder, answering from the same set, reaches that scenario.
* On thousands of random small policies, sound and broken,
  :func:`generator.logic.verify.prove` finds exactly what enumerating every
  combination finds (the oracle is written here, from the plain data, without
  the generator): the same gaps and the same overlapping pairs, down to the
  combinations of each; the same unreachable scenarios, unused outcomes and
  never-asked questions; the YAML it suggests really closes a gap; and, when
  the policy holds, the very same finder pages, in the same order, as a finder
  that enumerates.
* On random sound policies broken as editors break them (a one-word slip in
  one scenario, a new question), what the messages suggest, applied, gives a
  policy that holds, where no customer outside the gaps and overlaps told has
  another outcome than before the break; a slipped scenario is among those
  the messages offer to edit.
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, find, given, settings
from hypothesis import strategies as st

from generator.content.diagnostics import Position
from generator.content.load import KeyPath, parse_document
from generator.content.model import Policy
from generator.content.schema import validate_against_schema
from generator.helpcenter.folder import load_content
from generator.logic import flow
from generator.logic.space import AnswerSpace
from generator.logic.table import decide
from generator.logic.verify import prove

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"

#: Fixed seed, no example database: the same examples on every run and machine.
PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
#: The proof against the oracle: thousands of small policies, each proven in a millisecond or two.
ORACLE_SETTINGS = settings(PROPERTY_SETTINGS, max_examples=3000)


@cache
def real_policy() -> Policy:
    return load_content(CONTENT_DIR).policy


@cache
def real_policy_flow() -> flow.Flow:
    proof = prove(real_policy())
    assert proof.flow is not None
    return proof.flow


@PROPERTY_SETTINGS
@given(data=st.data())
def test_real_policy_every_combination_has_one_scenario_and_the_finder_agrees(data):
    policy = real_policy()
    answers = {q.id: data.draw(st.sampled_from(q.answer_ids), label=q.id) for q in policy.questions}

    scenarios = decide(policy, answers)

    assert len(scenarios) == 1, f"{answers} falls in {scenarios}"
    reached = real_policy_flow().follow(answers)
    assert reached.scenario == scenarios[0]
    assert reached.outcome == policy.scenario(scenarios[0]).outcome


# Random toy policies.


def _when_tree(draw: st.DrawFn, questions: list[dict[str, Any]], when: dict[str, list[str]]) -> list[dict]:
    """Split the answers of a random question into groups, recursively: boxes that tile the space."""
    if not questions or draw(st.integers(0, 3)) == 0:
        return [when]
    question = draw(st.sampled_from(questions))
    answers = [answer["id"] for answer in question["answers"]]
    labels = draw(st.lists(st.integers(0, len(answers) - 1), min_size=len(answers), max_size=len(answers)))
    if len(set(labels)) == 1:  # a real split: at least two groups
        labels[-1] = labels[0] + 1
    groups: dict[int, list[str]] = {}
    for answer, label in zip(answers, labels, strict=True):
        groups.setdefault(label, []).append(answer)
    rest = [other for other in questions if other is not question]
    return [box for group in groups.values() for box in _when_tree(draw, rest, {**when, question["id"]: group})]


def _random_when(draw: st.DrawFn, questions: list[dict[str, Any]]) -> dict[str, list[str]]:
    """A random box: per question, nothing (any answer) or some of its answers."""
    when = {}
    for question in questions:
        if draw(st.booleans()):
            answers = [answer["id"] for answer in question["answers"]]
            when[question["id"]] = draw(st.lists(st.sampled_from(answers), min_size=1, unique=True))
    return when


def _break(draw: st.DrawFn, questions: list[dict[str, Any]], boxes: list[dict]) -> list[dict]:
    """Break a tiling the way editors do: drop a scenario, widen one, or add a question only new scenarios name."""
    how = draw(st.sampled_from(["drop", "widen", "new-question"]))
    if how == "drop" and len(boxes) > 1:
        del boxes[draw(st.integers(0, len(boxes) - 1))]
    elif how == "widen":
        box = boxes[draw(st.integers(0, len(boxes) - 1))]
        if box:
            del box[draw(st.sampled_from(sorted(box)))]
    else:
        index = len(questions)
        answers = [{"id": f"a{answer}", "text": f"Answer {answer}"} for answer in range(draw(st.integers(2, 3)))]
        questions.append({"id": f"q{index}", "text": f"Question {index}?", "answers": answers})
        for answer in draw(st.lists(st.sampled_from([a["id"] for a in answers]), min_size=1, max_size=2, unique=True)):
            boxes.append({f"q{index}": [answer]})
    return boxes


@st.composite
def toy_policies(
    draw: st.DrawFn, *, max_questions: int = 4, max_answers: int = 3, unreachable: bool = False, sound: bool = False
) -> dict[str, Any]:
    """Plain data for a schema-valid policy whose references resolve, but whose logic may be wrong.

    With ``sound``, the scenarios tile the answers and no question follows
    another: the proof holds. With ``unreachable``, a scenario may allow no answer to a question (the
    schema forbids it; plain data can still say it). Some answers have ids
    that YAML reads as something else unquoted (``yes``, ``off``, ``1``), so
    that the YAML the proof suggests is read back by the tests.
    """
    names = st.sampled_from([["a0", "a1", "a2", "a3"], ["yes", "no", "off", "1"]])
    questions = [
        {
            "id": f"q{index}",
            "text": f"Question {index}?",
            "answers": [
                {"id": name, "text": f"Answer {name}"} for name in draw(names)[: draw(st.integers(2, max_answers))]
            ],
        }
        for index in range(draw(st.integers(1, max_questions)))
    ]
    question_ids = [question["id"] for question in questions]
    for question in questions:
        if not sound and draw(st.integers(0, 3)) == 0:  # now and then an order, which may loop or block the finder
            others = [other for other in question_ids if other != question["id"]] or question_ids
            question["follows"] = draw(st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True))
    kind = "tiling" if sound else draw(st.sampled_from(["tiling", "broken-tiling", "random"]))
    if kind == "random":
        boxes = [_random_when(draw, questions) for _ in range(draw(st.integers(1, 5)))]
    else:
        boxes = _when_tree(draw, questions, {})  # no gap, no overlap
        if kind == "broken-tiling":
            boxes = _break(draw, questions, boxes)
    if unreachable and draw(st.integers(0, 5)) == 0:
        boxes.append({questions[0]["id"]: []})
    outcome_ids = [f"o{index}" for index in range(draw(st.integers(1, min(3, len(boxes)))))]
    # The first scenarios lead to each outcome in turn, so that an unused outcome is rare.
    outcomes = [*outcome_ids, *(draw(st.sampled_from(outcome_ids)) for _ in boxes[len(outcome_ids) :])]
    if draw(st.integers(0, 5)) == 0:  # but not never
        outcome_ids.append("o-unused")
    scenarios = [
        {"id": f"s{index}", "when": when, "outcome": outcome, "situation": f"Case {index}."}
        for index, (when, outcome) in enumerate(zip(boxes, outcomes, strict=True))
    ]
    return {
        "id": "toy",
        "category": "returns",
        "questions": questions,
        "scenarios": scenarios,
        "outcomes": [
            {"id": outcome, "title": f"Outcome {outcome}", "summary": "What happens.", "body": ["Details."]}
            for outcome in outcome_ids
        ],
        "article": {
            "id": "toy-article",
            "title": "Toy",
            "description": "A toy.",
            "intro": "Read on.",
            "escalation": "Ask us.",
        },
        "finder": {"title": "Finder", "description": "Answer.", "intro": "Answer."},
    }


def _rows(data: dict[str, Any]) -> dict[tuple[str, ...], list[str]]:
    """The oracle: the scenarios of every combination, by brute force, from the plain data."""
    questions = data["questions"]
    rows = {}
    for combination in itertools.product(*([a["id"] for a in q["answers"]] for q in questions)):
        answers = {q["id"]: answer for q, answer in zip(questions, combination, strict=True)}
        rows[combination] = [
            scenario["id"]
            for scenario in data["scenarios"]
            if all(answers[question] in allowed for question, allowed in scenario["when"].items())
        ]
    return rows


def _combinations(space: AnswerSpace, box: tuple[int, ...]) -> set[tuple[str, ...]]:
    """Every combination in a box the proof returned, enumerated (the boxes of toy policies are small)."""
    return set(itertools.product(*(space.answer_ids(index, mask) for index, mask in enumerate(box))))


def _never_asked(data: dict[str, Any], rows: dict[tuple[str, ...], list[str]]) -> set[str]:
    """The questions whose answer never changes the scenarios a combination falls in."""
    questions = data["questions"]
    changing = set()
    for combination, scenarios in rows.items():
        for index, question in enumerate(questions):
            for answer in question["answers"]:
                other = (*combination[:index], answer["id"], *combination[index + 1 :])
                if rows[other] != scenarios:
                    changing.add(question["id"])
    return {question["id"] for question in questions} - changing


def _oracle_finder(data: dict[str, Any], rows: dict[tuple[str, ...], list[str]]) -> list[tuple] | str:
    """The finder of a sound policy, by enumeration: its pages in depth-first order, or why it stops.

    A question is asked when some answer to it changes the scenarios still
    possible among the combinations that agree with the answers so far; the
    first such question (in YAML order) whose ``follows`` are answered.
    """
    questions = data["questions"]
    order = [question["id"] for question in questions]

    def possible(answered: dict[str, str]) -> set[str]:
        return {
            scenario
            for combination, scenarios in rows.items()
            if all(combination[order.index(q)] == a for q, a in answered.items())
            for scenario in scenarios
        }

    pages: list[tuple] = []
    pending: list[tuple[tuple[str, str], ...]] = [()]
    while pending:
        path = pending.pop()
        answered = dict(path)
        now = possible(answered)
        if len(now) == 1:
            pages.append((path, "outcome", *now))
            continue
        matters = [
            question
            for question in questions
            if question["id"] not in answered
            and any(possible({**answered, question["id"]: a["id"]}) != now for a in question["answers"])
        ]
        ready = [q for q in matters if all(other in answered for other in q.get("follows", ()))]
        if not ready:
            return f"stops after {path}"
        question = ready[0]
        pages.append((path, "question", question["id"]))
        pending.extend((*path, (question["id"], a["id"])) for a in reversed(question["answers"]))
    return pages


def _when_of(message: str) -> dict[str, list[str]]:
    """Read back the ``when: {q: [a, b]}`` a gap message suggests."""
    suggested = re.search(r"add a scenario with when: (\{.*\})$", message)
    assert suggested, message
    return yaml.safe_load(suggested[1])


def _policy(data: dict[str, Any]) -> Policy:
    """Build the policy with every part at its own line, as if read from a file."""
    lines: dict[KeyPath, int] = {}
    return Policy.from_data(data, lambda path: Position("policy.yaml", lines.setdefault(path, len(lines) + 1), 1))


def _check_against_the_oracle(data: dict[str, Any]) -> None:
    policy = _policy(data)

    proof = prove(policy)

    rows = _rows(data)
    space = proof.space
    # Gaps: disjoint boxes whose combinations are exactly those no scenario covers.
    gap_combinations = [c for gap in proof.gaps for c in _combinations(space, gap)]
    assert len(gap_combinations) == len(set(gap_combinations)), "gap boxes overlap"
    assert set(gap_combinations) == {c for c, scenarios in rows.items() if not scenarios}
    # Overlaps: exactly the pairs that share a combination, each with all that it shares.
    ids = [scenario["id"] for scenario in data["scenarios"]]
    found = {(ids[o.first], ids[o.second]): _combinations(space, o.box) for o in proof.overlaps}
    expected: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for combination, scenarios in rows.items():
        for first, second in itertools.combinations(scenarios, 2):
            expected.setdefault((first, second), set()).add(combination)
    assert found == expected
    # What the editor reads: the scenario a gap message suggests, read back as YAML, covers exactly that gap.
    messages = [diagnostic.message for diagnostic in proof.diagnostics]
    order = [q["id"] for q in data["questions"]]
    gap_problems = [d for d in proof.diagnostics if d.message.startswith("no scenario covers")]
    for problem in gap_problems:
        when = _when_of(problem.message)
        suggested = {
            combination
            for combination in rows
            if all(dict(zip(order, combination, strict=True))[q] in allowed for q, allowed in when.items())
        }
        (fix,) = proof.fixes[problem]
        assert [suggested] == [_combinations(space, box) for box in fix.adds], problem.message
        assert all(rows[combination] == [] for combination in suggested), problem.message
    # A gap is told on its own, or by the repair that covers it (a slip that moved a scenario's answers).
    told_gaps = [m for m in messages if m.startswith("no scenario covers") or ", while no scenario covers " in m]
    assert bool(told_gaps) == bool(gap_combinations)
    overlap_told = [m for m in messages if " both cover " in m or " so they overlap " in m or " so it overlaps " in m]
    assert bool(overlap_told) == bool(expected)
    for message in messages:
        pair = re.match(r"scenarios '([^']+)' (?:\(outcome '[^']+'\) )?and '([^']+)'", message)
        if pair and " both cover " in message:
            assert (pair[1], pair[2]) in expected, message
    # Unused parts.
    reached = {scenario for scenarios in rows.values() for scenario in scenarios}
    unreachable = {s["id"] for s in data["scenarios"] if s["id"] not in reached}
    assert {m.split("'")[1] for m in messages if m.endswith("no combination of answers matches it")} == unreachable
    led_to = {s["outcome"] for s in data["scenarios"] if s["id"] in reached}
    unused = {o["id"] for o in data["outcomes"]} - led_to
    assert {m.split("'")[1] for m in messages if "no scenario leads to it" in m} == unused
    never_asked = _never_asked(data, rows)
    assert {m.split("'")[1] for m in messages if "no scenario depends on its answer" in m} == never_asked
    assert all(diagnostic.position.line > 0 for diagnostic in proof.diagnostics), messages
    # A sound policy: the same finder as one that enumerates, page for page.
    sound = not (gap_combinations or expected or unreachable or unused or never_asked)
    cycle = any("in a cycle" in m for m in messages)
    if not sound or cycle:
        assert not proof.holds
        return
    finder = _oracle_finder(data, rows)
    if isinstance(finder, str):
        assert not proof.holds
        assert any("must follow" in m for m in messages), (finder, messages)
        return
    assert proof.holds, messages
    pages = [
        (n.path, "question", n.question.id) if isinstance(n, flow.QuestionNode) else (n.path, "outcome", n.scenario)
        for n in proof.nodes
    ]
    assert pages == finder
    assert proof.flow is not None
    for combination, (scenario,) in rows.items():
        answers = dict(zip([q["id"] for q in data["questions"]], combination, strict=True))
        assert decide(policy, answers) == (scenario,)
        assert proof.flow.follow(answers).scenario == scenario


@ORACLE_SETTINGS
@given(data=toy_policies(unreachable=True))
def test_the_proof_finds_what_brute_force_finds(data):
    _check_against_the_oracle(data)


@PROPERTY_SETTINGS
@given(data=toy_policies(max_questions=6, max_answers=4))
def test_the_proof_finds_what_brute_force_finds_on_bigger_policies(data):
    _check_against_the_oracle(data)


def test_random_policies_are_schema_valid_and_both_sound_and_unsound():
    """Keep the strategy honest: valid data, and the properties above see policies that hold and that do not."""
    schema = CONTENT_DIR / "policy.schema.json"

    def check(data: dict[str, Any], *, holds: bool) -> bool:
        document, problems = parse_document(yaml.safe_dump(data, sort_keys=False), "policy.yaml")
        assert problems == []
        assert validate_against_schema(document, schema) == []
        return prove(_policy(data)).holds == holds

    quick = settings(PROPERTY_SETTINGS, phases=[Phase.generate])
    find(toy_policies(), lambda data: check(data, holds=True), settings=quick)
    find(toy_policies(), lambda data: check(data, holds=False), settings=quick)


@pytest.mark.parametrize(
    "problem",
    [
        "no scenario covers",
        " both cover ",
        " so they overlap ",
        "no scenario leads to it",
        "no scenario depends on its answer",
        "no combination of answers matches it",
        "must follow",
        "in a cycle",
    ],
)
def test_random_policies_meet_every_kind_of_problem(problem):
    """Keep the oracle test honest: its policies show every problem the proof reports."""
    quick = settings(PROPERTY_SETTINGS, phases=[Phase.generate], max_examples=3000)
    find(
        toy_policies(unreachable=True),
        lambda data: any(problem in d.message for d in prove(_policy(data)).diagnostics),
        settings=quick,
    )


@PROPERTY_SETTINGS
@given(old=toy_policies(sound=True), new=toy_policies(sound=True))
def test_the_diff_finds_the_combinations_whose_outcome_brute_force_sees_change(old, new):
    """Two sound versions that may share questions and some answers: the diff's boxes are exactly what changed.

    The oracle enumerates every combination of the ids either version uses; a
    combination both versions decide is one whose answers each version has
    (a question a version does not ask may take any answer).
    """
    from generator.helpcenter.compare import common_space, outcome_changes

    old_policy, new_policy = _policy(old), _policy(new)
    assume(prove(old_policy).holds and prove(new_policy).holds)  # the diff compares proven versions only
    changes = outcome_changes(old_policy, new_policy, common_space(old_policy, new_policy))

    questions = list(dict.fromkeys([q.id for q in new_policy.questions] + [q.id for q in old_policy.questions]))
    answers = {
        q: sorted({a for p in (old_policy, new_policy) for x in p.questions if x.id == q for a in x.answer_ids})
        for q in questions
    }
    expected: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for combination in itertools.product(*(answers[q] for q in questions)):
        given = dict(zip(questions, combination, strict=True))
        decided = [decided_by(policy, given) for policy in (old_policy, new_policy)]
        if None in decided:
            continue  # an answer only one version has
        (before, after) = decided
        if old_policy.scenario(before).outcome != new_policy.scenario(after).outcome:
            expected.setdefault((before, after), set()).add(combination)
    found = {(change.old_scenario, change.new_scenario): change.combinations for change in changes}
    assert found == {pair: len(combinations) for pair, combinations in expected.items()}


def decided_by(policy: Policy, given: dict[str, str]) -> str | None:
    """The scenario ``policy`` gives ``given``, or ``None`` if an answer is not one of its own."""
    if any(given[question.id] not in question.answer_ids for question in policy.questions):
        return None
    (scenario,) = decide(policy, {question.id: given[question.id] for question in policy.questions})
    return scenario


# What the messages suggest, applied: a broken policy they say how to fix is fixed, and no customer is moved unsaid.


@st.composite
def sound_policies_broken(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any], str, int | None]:
    """A sound policy, and a copy broken as an editor would: (sound, broken, how, the scenario slipped or None).

    A slip is one word in one scenario's ``when``: an answer replaced by
    another, one dropped, one added, or a whole line deleted. A new question
    is asked of no old scenario, and new scenarios depend on some of its
    answers (never all: the old scenarios are for the others).
    """
    sound = draw(toy_policies(sound=True, max_questions=3))
    assume(prove(_policy(sound)).holds)
    broken = json.loads(json.dumps(sound))  # not deepcopy: the strategy shares lists between scenarios
    how = draw(st.sampled_from(["replace", "drop-answer", "add-answer", "drop-line", "new-question"]))
    if how == "new-question":
        index = len(broken["questions"])
        answers = [f"n{answer}" for answer in range(draw(st.integers(2, 3)))]
        broken["questions"].append(
            {"id": f"q{index}", "text": "New?", "answers": [{"id": a, "text": a} for a in answers]}
        )
        taken = draw(st.lists(st.sampled_from(answers), min_size=1, max_size=len(answers) - 1, unique=True))
        groups = [taken] if draw(st.booleans()) else [[answer] for answer in taken]
        outcomes = [outcome["id"] for outcome in broken["outcomes"]]
        for number, group in enumerate(groups):
            broken["scenarios"].append(
                {
                    "id": f"new{number}",
                    "when": {f"q{index}": group},
                    "outcome": draw(st.sampled_from(outcomes)),
                    "situation": ".",
                }
            )
        return sound, broken, how, None
    slipped = draw(st.integers(0, len(broken["scenarios"]) - 1))
    when = broken["scenarios"][slipped]["when"]
    assume(when)
    question_id = draw(st.sampled_from(sorted(when)))
    every = [a["id"] for q in broken["questions"] if q["id"] == question_id for a in q["answers"]]
    listed, others = when[question_id], [a for a in every if a not in when[question_id]]
    if how == "replace":
        assume(others)
        listed[draw(st.integers(0, len(listed) - 1))] = draw(st.sampled_from(others))
    elif how == "drop-answer":
        assume(len(listed) > 1)
        listed.remove(draw(st.sampled_from(listed)))
    elif how == "add-answer":
        assume(others)
        listed.append(draw(st.sampled_from(others)))
    else:
        del when[question_id]
    return sound, broken, how, slipped


def _apply(data: dict[str, Any], space: AnswerSpace, fix: Any) -> None:
    """Make the edits of a structured fix in plain data, as an editor would in the YAML."""
    for index, question, answers in fix.edits:
        when = data["scenarios"][index]["when"]
        when.pop(space.questions[question], None)
        if not space.is_full(question, answers):
            when[space.questions[question]] = space.answer_ids(question, answers)
    for number, box in enumerate(fix.adds):
        outcome = data["outcomes"][0]["id"]  # a gap's outcome is the editor's choice: any will do here
        data["scenarios"].append(
            {"id": f"added{number}", "when": space.as_when(box), "outcome": outcome, "situation": "."}
        )


def _outcomes(data: dict[str, Any]) -> dict[tuple[str, ...], str]:
    """The outcome of every combination of a sound policy's answers, by brute force."""
    outcome = {scenario["id"]: scenario["outcome"] for scenario in data["scenarios"]}
    return {combination: outcome[scenario] for combination, (scenario,) in _rows(data).items()}


@settings(PROPERTY_SETTINGS, max_examples=600)
@given(case=sound_policies_broken(), choices=st.data())
def test_what_the_messages_suggest_fixes_the_policy_and_moves_no_customer_unsaid(case, choices):
    sound, broken, how, slipped = case

    proof = prove(_policy(broken))

    assert not proof.holds
    space = proof.space
    fixed = json.loads(json.dumps(broken))
    for diagnostic, fixes in proof.fixes.items():
        assert diagnostic in proof.diagnostics
        _apply(fixed, space, fixes[choices.draw(st.integers(0, len(fixes) - 1), label=diagnostic.message)])
    after = prove(_policy(fixed))
    assert after.holds, (how, [d.message for d in proof.diagnostics], [d.message for d in after.diagnostics])
    # The customers the messages name: those of a gap, and those two scenarios cover.
    named = {c for box in [*proof.gaps, *(o.box for o in proof.overlaps)] for c in _combinations(space, box)}
    before, now = _outcomes(sound), _outcomes(fixed)
    kept = len(sound["questions"])  # a new question comes last: before it, customers had any answer to it
    moved = {combination for combination, outcome in now.items() if before[combination[:kept]] != outcome}
    assert moved <= named, (how, [d.message for d in proof.diagnostics])
    if slipped is not None and proof.overlaps:
        # The slipped scenario is the one the messages offer to edit (alone, or as one side of a pair).
        edited = {index for fixes in proof.fixes.values() for fix in fixes for index, _, _ in fix.edits}
        assert slipped in edited, (how, [d.message for d in proof.diagnostics])


@pytest.mark.parametrize(
    "told",
    [
        pytest.param(". Did you mean ", id="a-list-written-anew"),
        pytest.param("' allows any answer to question '", id="a-line-deleted-or-a-question-one-scenario-ignores"),
        pytest.param(" so they overlap ", id="a-new-question-many-scenarios-ignore"),
        pytest.param(" (write ", id="a-pair-either-side-of-which-may-have-changed"),
        pytest.param("add a scenario with when", id="a-gap"),
    ],
)
def test_broken_policies_meet_every_kind_of_suggestion(told):
    """Keep the property above honest: its broken policies get every kind of message that suggests a fix."""
    quick = settings(PROPERTY_SETTINGS, phases=[Phase.generate], max_examples=3000)
    find(
        sound_policies_broken(),
        lambda case: any(told in problem.message for problem in prove(_policy(case[1])).fixes),
        settings=quick,
    )
