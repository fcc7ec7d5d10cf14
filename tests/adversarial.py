"""Small policies that once held ``check`` for minutes: generated, as an attacker or an unlucky editor writes them.

Each returns the plain data (or the YAML text) of a copy of the toy policy
(``fixtures/toy/policy.yaml``) with its logic or its texts replaced. The tests
check that each is answered within the proof's budget; ``benchmarks/bench.py``
times ``check`` on them. Nothing here imports pytest, so that the benchmarks
can use it.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import yaml

TOY_POLICY = Path(__file__).resolve().parent / "fixtures" / "toy" / "policy.yaml"
#: The toy's two outcomes, given in turn.
OUTCOMES = ("refund", "repair")


def toy() -> dict[str, Any]:
    return yaml.safe_load(TOY_POLICY.read_text(encoding="utf-8"))


def yes_no(number: int) -> dict[str, Any]:
    return {
        "id": f"q{number}",
        "text": f"Does case {number} apply?",
        "answers": [{"id": "yes", "text": "Yes"}, {"id": "no", "text": "No"}],
    }


def tangled(questions: int = 17) -> dict[str, Any]:
    """Yes/no questions with one scenario each (``q3: [yes]``): every scenario overlaps every other, one gap.

    Cut until each piece is settled, 17 of them make 2^17 pieces; explained
    once per question, 17 times that (the old proof took 112 s).
    """
    data = toy()
    data["questions"] = [yes_no(number) for number in range(questions)]
    data["scenarios"] = [
        {
            "id": f"s{number}",
            "when": {f"q{number}": ["yes"]},
            "outcome": OUTCOMES[number % 2],
            "situation": f"Case {number} applies.",
        }
        for number in range(questions)
    ]
    return data


def catch_alls(count: int = 8000) -> dict[str, Any]:
    """``count`` scenarios with an empty ``when``: each covers everything, so every pair overlaps (32 million)."""
    data = toy()
    data["scenarios"] = [
        {"id": f"s{number}", "when": {}, "outcome": OUTCOMES[number % 2], "situation": f"Case {number}."}
        for number in range(count)
    ]
    return data


def scattered(questions: int = 8, answers: int = 4, scenarios: int = 200, seed: int = 0) -> dict[str, Any]:
    """A sound policy whose scenarios split on any question in any order: its finder passes 10,000 pages.

    The leaves of a random decision tree, so that the scenarios are complete
    and disjoint; the finder asks in YAML order, which such a tree does not
    follow, so it asks nearly every question on every path.
    """
    rng = random.Random(seed)
    leaves = [[list(range(answers)) for _ in range(questions)]]
    while len(leaves) < scenarios:
        leaf = leaves.pop(rng.randrange(len(leaves)))
        splittable = [question for question, allowed in enumerate(leaf) if len(allowed) >= 2]
        if not splittable:  # a single combination: keep it, draw another
            leaves.append(leaf)
            continue
        question = rng.choice(splittable)
        allowed = leaf[question][:]
        rng.shuffle(allowed)
        cut = rng.randint(1, len(allowed) - 1)
        for part in (sorted(allowed[:cut]), sorted(allowed[cut:])):
            leaves.append([part if index == question else kept for index, kept in enumerate(leaf)])
    data = toy()
    data["questions"] = [
        {
            "id": f"q{number}",
            "text": f"Question {number}?",
            "answers": [{"id": f"a{answer}", "text": f"Answer {answer}"} for answer in range(answers)],
        }
        for number in range(questions)
    ]
    data["scenarios"] = [
        {
            "id": f"s{number}",
            "when": {
                f"q{question}": [f"a{answer}" for answer in allowed]
                for question, allowed in enumerate(leaf)
                if len(allowed) < answers
            },
            "outcome": OUTCOMES[number % 2],
            "situation": f"Case {number}.",
        }
        for number, leaf in enumerate(leaves)
    ]
    return data


def repeated_text(characters: int, uses: int) -> str:
    """The toy policy as YAML, with one text of ``characters`` characters shown ``uses`` more times through aliases.

    A 700,000-character text used 3,000 times is a 732 KB file that reads as
    2 billion characters: the old check took 89 s on it, and a build wrote
    each use into every page that shows it.
    """
    text = TOY_POLICY.read_text(encoding="utf-8")
    words = ("Ship it back within two days. " * (characters // 30 + 1))[:characters]
    body = "      - Nothing to do. [Write to us](contact_form) if it takes longer.\n"
    assert body in text
    repeated = f'      - &long "{words}"\n' + "      - *long\n" * uses
    return text.replace(body, body + repeated)


def link_starts(count: int) -> str:
    """The toy policy as YAML, with a situation of ``count`` times ``](``: the start of a link, never closed.

    Looking for links from each ``](`` to the next space took the square of
    the text's length: 10 KB took a second, 800 KB would take hours.
    """
    text = TOY_POLICY.read_text(encoding="utf-8")
    situation = "situation: A small parcel with a device in good shape."
    assert situation in text
    return text.replace(situation, f'situation: "{"](" * count}"')


def one_line_list(values: int) -> str:
    """The toy policy as YAML, with an outcome's body one flow list of ``values`` texts on a single line.

    Looking for a comment after each value copied the rest of its line: the
    square of the line's length.
    """
    text = TOY_POLICY.read_text(encoding="utf-8")
    body = "      - Nothing to do. [Write to us](contact_form) if it takes longer.\n"
    assert body in text
    return text.replace(body, "      - [" + ", ".join(["Nothing to do."] * values) + "]\n")


def unknown_questions(count: int = 3000) -> dict[str, Any]:
    """``count`` questions, and as many scenarios that each name a question that does not exist.

    Each unknown question was compared with every question for a "did you
    mean": nine million comparisons.
    """
    data = tangled(count)
    for number, scenario in enumerate(data["scenarios"]):
        scenario["when"] = {f"question-number-{number}": ["yes"]}
    return data


def grid(answers: int, by: str, then: str) -> dict[str, Any]:
    """A sound policy on two questions of ``answers`` answers: a scenario per answer of ``by`` (outcomes in turn),
    its last answer split by ``then``; ``2 × answers + 1`` finder pages.

    Compared with ``grid(answers, "q2", "q1")``, every scenario of one meets
    every scenario of the other: ``diff`` listed a group per pair.
    """
    data = toy()
    data["questions"] = [
        {"id": question, "text": "?", "answers": [{"id": f"a{number}", "text": "A"} for number in range(answers)]}
        for question in (by, then)  # the finder asks ``by`` first: a page per answer, then ``then`` after the last
    ]
    last = f"a{answers - 1}"
    data["scenarios"] = [
        {"id": f"s{number}", "when": {by: [f"a{number}"]}, "outcome": OUTCOMES[number % 2], "situation": "."}
        for number in range(answers - 1)
    ] + [
        {"id": "last-first", "when": {by: [last], then: ["a0"]}, "outcome": "refund", "situation": "."},
        {
            "id": "last-rest",
            "when": {by: [last], then: [f"a{number}" for number in range(1, answers)]},
            "outcome": "repair",
            "situation": ".",
        },
    ]
    return data


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(copy.deepcopy(data), sort_keys=False, allow_unicode=True, width=120)
