"""Seeded policies of real size, for the benchmarks: complete and unambiguous by construction.

    from benchmarks.policies import generate, write_content
    write_content(folder, generate(questions=8, answers=4, scenarios=200))
    write_help_center(folder, help_center(policies=20, questions=6, answers=4, scenarios=60))
    write_help_center(folder, help_center_of([(12, 4, 500, 0), (6, 4, 60, 0)]))

The real policy has 3 questions and 8 scenarios; a benchmark on it says little
about what the proof or the build cost once a policy grows. These policies
keep everything of ``content/policy.yaml`` but the logic, which is a random
decision tree: each leaf of the tree is a scenario, so the scenarios tile the
answer space exactly (no gap, no overlap) without the generator having to
prove it. :func:`with_gap` and :func:`with_overlap` break one on purpose, to
time how fast the check reports it.

They are written in the general policy format as the real one is: facts of
several types, links, a procedure with a table, outcomes made of blocks. A
help center (:func:`help_center`) is many such policies, each with its own
id, article and finder, in the layout of a content folder: ``policy.yaml``
and ``policies/<id>.yaml`` beside the shared ``help-center.yaml``.
"""

from __future__ import annotations

import copy
import math
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
#: The files of the real content folder a generated one keeps as they are (the catalogs are made anew).
KEPT_FILES = (
    "policy.schema.json",
    "help-center.yaml",
    "help-center.schema.json",
    "interface.yaml",
    "interface.schema.json",
    "locales.yaml",
    "locales.schema.json",
)

#: The folder of a help center's other policies, each named by its id.
POLICIES_DIR = "policies"
#: The real content's catalogs, which a generated help center starts from (its interface words translated).
CATALOGS_DIR = "locales"

#: A leaf of the decision tree: per question index, the answer indexes it still allows (in YAML order).
Leaf = list[list[int]]


def generate(questions: int, answers: int, scenarios: int, seed: int = 0) -> dict[str, Any]:
    """Return the plain data of a complete, unambiguous policy with this many questions and scenarios.

    The same arguments always give the same policy (only ``random.Random(seed)``
    is used), so a benchmark's figures compare across runs and machines.
    """
    _check_size(questions, answers, scenarios)
    rng = random.Random(seed)
    real = load_real_policy()
    leaves = _grow_tree(rng, questions, answers, scenarios)
    data = {key: value for key, value in real.items() if key not in ("questions", "scenarios")}
    data["questions"] = [_question(number, answers) for number in range(1, questions + 1)]
    outcomes = _assign_outcomes(rng, [outcome["id"] for outcome in real["outcomes"]], scenarios)
    data["scenarios"] = [
        _scenario(number, leaf, answers, outcome)
        for number, (leaf, outcome) in enumerate(zip(leaves, outcomes, strict=True), 1)
    ]
    ordered = {key: data[key] for key in real}  # the real file's order of sections
    return ordered


def load_real_policy() -> dict[str, Any]:
    """Read the project's own policy: the generated ones borrow all of it but the logic."""
    return yaml.safe_load((CONTENT / "policy.yaml").read_text(encoding="utf-8"))


def _check_size(questions: int, answers: int, scenarios: int) -> None:
    """Refuse sizes no tree can reach, rather than loop for ever looking for a leaf to split."""
    if questions < 1 or answers < 2 or scenarios < 1:
        raise ValueError("a policy needs at least 1 question, 2 answers per question and 1 scenario")
    if scenarios > answers**questions:
        raise ValueError(f"{scenarios} scenarios do not fit in {answers**questions} combinations")
    if scenarios - 1 < questions:
        raise ValueError(f"{scenarios} scenarios cannot use {questions} questions (every question must be asked)")


def _grow_tree(rng: random.Random, questions: int, answers: int, scenarios: int) -> list[Leaf]:
    """Split random leaves of the full box until there are ``scenarios`` of them; return the leaves.

    The tree is ordered: a leaf splits on the question its last split used or
    on a later one (in YAML order), the question picked at random among those.
    The finder asks in YAML order, so it follows such a tree; on a tree that
    splits on any question, it asks nearly every question on every path, and
    8 questions and 200 scenarios already make 25,000 to 45,000 pages, past
    the limit the check enforces. While a question is still unused, the split
    takes the first such (the check refuses a question no scenario depends
    on), and no split leaves the tree too few combinations to reach
    ``scenarios`` leaves.
    """
    leaves: list[tuple[Leaf, int]] = [([list(range(answers)) for _ in range(questions)], 0)]
    capacity = answers**questions  # the most leaves the tree can still grow to
    unused = 0  # every question before this one has been split on
    while len(leaves) < scenarios:
        index = rng.randrange(len(leaves))
        leaf, last = leaves[index]
        room = capacity - _capacity(leaf, last)
        candidates = [
            question
            for question in range(last, questions)
            if len(leaf[question]) >= 2 and room + _capacity(leaf, question) >= scenarios
        ]
        if not candidates:
            continue  # this leaf cannot split: draw another one
        question = unused if unused < questions and unused in candidates else rng.choice(candidates)
        if question == unused:
            unused += 1
        first, second = _split_answers(rng, leaf[question])
        children = [(_narrowed(leaf, question, first), question), (_narrowed(leaf, question, second), question)]
        capacity = room + sum(_capacity(child, question) for child, _ in children)
        leaves[index : index + 1] = children
    return [leaf for leaf, _ in leaves]


def _capacity(leaf: Leaf, last: int) -> int:
    """How many leaves ``leaf`` can still split into, splitting only on ``last`` and the questions after it."""
    return math.prod(len(allowed) for allowed in leaf[last:])


def _split_answers(rng: random.Random, allowed: list[int]) -> tuple[list[int], list[int]]:
    """Cut a leaf's allowed answers into two non-empty groups, each in YAML order."""
    shuffled = allowed[:]
    rng.shuffle(shuffled)
    cut = rng.randint(1, len(shuffled) - 1)
    return sorted(shuffled[:cut]), sorted(shuffled[cut:])


def _narrowed(leaf: Leaf, question: int, allowed: list[int]) -> Leaf:
    return [allowed if index == question else answers for index, answers in enumerate(leaf)]


def _assign_outcomes(rng: random.Random, outcomes: list[str], scenarios: int) -> list[str]:
    """Give every real outcome to at least one scenario (the proof refuses an outcome never reached)."""
    if scenarios < len(outcomes):
        raise ValueError(f"{scenarios} scenarios cannot reach the {len(outcomes)} outcomes")
    return [outcomes[index] if index < len(outcomes) else rng.choice(outcomes) for index in range(scenarios)]


def _question(number: int, answers: int) -> dict[str, Any]:
    return {
        "id": f"q{number}",
        "text": f"Question {number}?",
        "answers": [{"id": f"a{answer}", "text": f"Answer {answer}"} for answer in range(1, answers + 1)],
    }


def _scenario(number: int, leaf: Leaf, answers: int, outcome: str) -> dict[str, Any]:
    """A leaf as a scenario: its ``when`` names only the questions the leaf restricts."""
    when = {
        f"q{question + 1}": [f"a{answer + 1}" for answer in allowed]
        for question, allowed in enumerate(leaf)
        if len(allowed) < answers
    }
    return {"id": f"s{number}", "when": when, "outcome": outcome, "situation": f"Situation {number}."}


def with_gap(data: dict[str, Any]) -> dict[str, Any]:
    """Return the policy without one scenario: its combinations become a gap.

    The scenario dropped is one whose outcome and questions other scenarios
    still use, so that the gap is the only problem the check can report.
    """
    broken = copy.deepcopy(data)
    scenarios = broken["scenarios"]
    for index in range(len(scenarios) // 2, len(scenarios)):
        rest = scenarios[:index] + scenarios[index + 1 :]
        if _still_uses_all(scenarios[index], rest):
            del scenarios[index]
            return broken
    raise ValueError("every scenario is the only one to use an outcome or a question")


def _still_uses_all(dropped: dict[str, Any], rest: list[dict[str, Any]]) -> bool:
    outcomes = {scenario["outcome"] for scenario in rest}
    questions = {question for scenario in rest for question in scenario["when"]}
    return dropped["outcome"] in outcomes and set(dropped["when"]) <= questions


def with_overlap(data: dict[str, Any]) -> dict[str, Any]:
    """Return the policy with one scenario widened (a question taken out of its ``when``): an overlap.

    The widened scenario now also covers the combinations of its neighbours in
    the tree, which still cover them too.
    """
    broken = copy.deepcopy(data)
    scenarios = broken["scenarios"]
    widened = next(scenario for scenario in scenarios[len(scenarios) // 2 :] + scenarios if len(scenario["when"]) >= 2)
    del widened["when"][next(iter(widened["when"]))]
    return broken


def dump(data: dict[str, Any]) -> str:
    """Return the policy as YAML, lists of ids in flow style (``[a1, a3]``) as an editor writes them."""
    header = "# yaml-language-server: $schema=policy.schema.json\n# Generated by benchmarks/policies.py.\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=120)


def write_content(folder: Path, data: dict[str, Any]) -> list[str]:
    """Make ``folder`` a content folder for ``data``: the real one's other files, and catalogs to match.

    The catalogs come from the project's own ``i18n update``, so they hold
    exactly the generated policy's messages (untranslated: the pages fall back
    to English). A policy the check refuses (say, a finder past its size
    limit) cannot go through ``i18n update``, which loads the proven content;
    it gets no catalogs, which the check reads as "nothing translated yet".
    Return what ``i18n update`` said, or why it was skipped.
    """
    from generator.content.diagnostics import ContentError
    from generator.helpcenter import catalog_commands as i18n

    folder.mkdir(parents=True, exist_ok=True)
    for name in KEPT_FILES:
        shutil.copyfile(CONTENT / name, folder / name)
    (folder / "policy.yaml").write_text(dump(data), encoding="utf-8")
    try:
        return i18n.update(folder)
    except ContentError as error:
        shutil.rmtree(folder / "locales", ignore_errors=True)
        return [f"no catalogs: i18n update refused the content ({str(error).splitlines()[0][:100]})"]


def help_center(policies: int, questions: int, answers: int, scenarios: int, seed: int = 0) -> dict[str, Any]:
    """Return ``policies`` generated policies by the file each goes to, the first to ``policy.yaml``.

    Each has its own logic (seed ``seed + its number``), id, article and
    finder, and keeps everything else of the real policy: its facts, links,
    procedure, table and outcomes, under its own id.
    """
    if policies < 1:
        raise ValueError("a help center needs at least 1 policy")
    return help_center_of([(questions, answers, scenarios, seed + number) for number in range(policies)])


def help_center_of(sizes: list[tuple[int, int, int, int]]) -> dict[str, Any]:
    """Return a help center as :func:`help_center` does, its policies of the sizes given: (questions, answers per
    question, scenarios, seed) each, the first to ``policy.yaml``."""
    if not sizes:
        raise ValueError("a help center needs at least 1 policy")
    found: dict[str, Any] = {}
    for number, (questions, answers, scenarios, seed) in enumerate(sizes, 1):
        data = generate(questions, answers, scenarios, seed=seed)
        policy_id = f"policy-{number:02d}"
        data["id"] = policy_id
        data["article"] = {**data["article"], "id": policy_id, "title": f"{data['article']['title']} ({number})"}
        data["finder"] = {key: value for key, value in data["finder"].items() if key != "id"}  # below its article
        found["policy.yaml" if number == 1 else f"{POLICIES_DIR}/{policy_id}.yaml"] = data
    return found


def write_help_center(folder: Path, files: dict[str, Any]) -> list[str]:
    """Make ``folder`` the content folder of a help center of ``files`` (from :func:`help_center`).

    The shared files (help-center.yaml, interface, locales) and the catalogs
    are the real content's; ``i18n update`` then adds every generated policy's
    messages to the catalogs (untranslated, so their pages fall back to
    English, but the interface words are translated as in the real site).
    Return what ``i18n update`` said, or why it was skipped.
    """
    from generator.content.diagnostics import ContentError
    from generator.helpcenter import catalog_commands as i18n

    (folder / POLICIES_DIR).mkdir(parents=True, exist_ok=True)
    for name in KEPT_FILES:
        shutil.copyfile(CONTENT / name, folder / name)
    shutil.copytree(CONTENT / CATALOGS_DIR, folder / CATALOGS_DIR, dirs_exist_ok=True)
    for name, data in files.items():
        (folder / name).write_text(dump(data), encoding="utf-8")
    try:
        return i18n.update(folder)
    except ContentError as error:
        return [f"catalogs as copied: i18n update refused the content ({str(error).splitlines()[0][:100]})"]
