"""Fuzzing the check end to end: random content folders, valid or broken, written as real files.

Hypothesis generates toy policies that hold (a decision tree over a few
questions, texts with placeholders, links and awkward characters), then breaks
them: a required key deleted, a value of the wrong type, a duplicate id, a
misspelt reference, HTML in a text, characters inserted into or deleted from
the YAML, a tab. It also generates French catalogs for the toy policy and
breaks their translations (placeholders dropped or renamed, markup added, links
changed, a plural form left out, an entry given twice, random bytes) and their
headers (another language, none, odd plural forms); and locales.yaml files,
broken too (a mistyped tag, an unknown market, a locale given twice, a form of
a name that holds no name, stray characters). Whatever the input,
:func:`generator.helpcenter.folder.check_content`

* never raises;
* returns the content exactly when it finds no problem, and then every page
  builds (each at its own address), in English and in the catalog's French;
* refuses what is broken by construction, and places every problem in a file,
  at a line and column inside it (only problems with a whole file, such as
  one that cannot be read, have no line).

``make test`` runs 150 examples per test, always the same ones (a fixed
seed, no example database); ``make fuzz`` runs ten thousand new ones
(``HYPOTHESIS_PROFILE=fuzz``).
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from generator.content.diagnostics import Diagnostic
from generator.content.locales import SiteLocale
from generator.content.references import BUILT_IN_PLACEHOLDERS, RESERVED_ARTICLE_IDS, policy_texts
from generator.helpcenter.folder import check_content
from generator.i18n.messages import SourceMessage, messages_for
from generator.i18n.plural_rules import plural_forms
from generator.rendering.pages import build_pages

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
TOY_POLICY = Path(__file__).resolve().parent / "fixtures" / "toy" / "policy.yaml"
SHARED_FILES = (
    "policy.schema.json",
    "help-center.schema.json",
    "interface.schema.json",
    "interface.yaml",
    "locales.schema.json",
)
TOY_HELP_CENTER = TOY_POLICY.with_name("help-center.yaml")
ENGLISH = SiteLocale("en-US", "us")
FRENCH = SiteLocale("fr-FR", "us")

settings.register_profile(
    "check",  # `make test`: the same few examples on every run and machine
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",  # `make fuzz`: many new examples on every run
    max_examples=10_000,
    derandomize=False,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ_SETTINGS = settings.get_profile("fuzz" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else "check")

#: Problems with a whole file, which have no line.
FILE_LEVEL = re.compile(
    r"file not found|cannot read the file|the file is \d+ KiB|cannot read the catalog|catalog for a locale that is not"
)


# The content folder, rewritten for each example (one folder, so that nothing keyed by path piles up).


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "content"
    path.mkdir()
    for name in SHARED_FILES:
        shutil.copyfile(CONTENT_DIR / name, path / name)
    return path


def write_content(
    folder: Path, policy: bytes, locales: str | None = None, catalog: bytes | None = None, shared: bytes | None = None
) -> None:
    (folder / "policy.yaml").write_bytes(policy)
    (folder / "help-center.yaml").write_bytes(TOY_HELP_CENTER.read_bytes() if shared is None else shared)
    (folder / "locales.yaml").unlink(missing_ok=True)
    shutil.rmtree(folder / "locales", ignore_errors=True)
    if locales is not None:
        (folder / "locales.yaml").write_text(locales, encoding="utf-8")
    if catalog is not None:
        (folder / "locales").mkdir()
        (folder / "locales" / "fr-FR.po").write_bytes(catalog)


def check(folder: Path, *locales: SiteLocale) -> list[Diagnostic]:
    """Check ``folder``; hold the check to its promises; return the problems found."""
    content, problems = check_content(folder)

    note("\n".join(map(str, problems)))
    assert (content is None) == bool(problems)
    for problem in problems:
        assert_placed(problem)
    if content is not None:
        for locale in locales:
            pages = build_pages(content, locale)
            addresses = [page.directory for page in pages]
            assert len(set(addresses)) == len(addresses), f"two pages at one address: {addresses}"
    return problems


def assert_placed(problem: Diagnostic) -> None:
    """The problem names an existing file and, unless it is about the whole file, a place inside it."""
    position = problem.position
    path = Path(position.file)
    assert path.is_file() or problem.message == "file not found", problem
    if FILE_LEVEL.match(problem.message):
        return
    assert position.line > 0, problem
    assert position.column > 0, problem
    text = path.read_bytes().decode("utf-8", "replace")
    # Babel ends a catalog's lines at \n only; YAML at \r and a few others too (and editors agree).
    lines = text.split("\n") if path.suffix == ".po" else re.split("\r\n|[\n\r\x85\u2028\u2029]", text)
    assert position.line <= len(lines), f"{problem}: the file has {len(lines)} lines"
    # A byte that is not UTF-8 is placed on its \n-ended line, before any YAML reads the text.
    widths = [len(line) for line in [lines[position.line - 1], *text.split("\n")[position.line - 1 : position.line]]]
    assert position.column <= max(widths) + 1, f"{problem}: {lines[position.line - 1]!r}"


# Valid toy policies.

IDS = ["size", "damage", "colour", "reason", "status", "refund", "repair", "exchange", "small", "large", "none"]
IDS += ["minor", "major", "a", "b2", "x-y", "finder", "yes", "no", "on", "off", "null", "true", "id"]
IDS += ["return-1", "no-label", "a1-b2-c3"]
ids = st.sampled_from(IDS) | st.builds("{}{}".format, st.sampled_from("abcxyz"), st.integers(0, 99))
#: Words that read as something else in YAML, or are close to the inline syntax without being it.
WORDS = ["parcel", "the", "device", "café", "Größe", "naïve", "日本", "yes", "No", "null", "~", "1.5", "0x1F"]
WORDS += ["2024-01-01", "a: b", "#", "- x", "?", "|", ">", "!tag", "%", "@", "`", "'", '"', "\\", "<", "& b"]
WORDS += ["[", "]", "(", ")", "*", "&", "...", "---", "don't", "50 %", "->", "e.g."]  # a brace is refused
characters = st.characters(categories=["L", "N", "Zs", "P", "S"], exclude_characters="<>&[](){}\\\x85", codec="utf-8")
LINK_NAMES = ["shipment_page", "contact_form", "messages"]
#: The facts of a generated policy: one of each type. ``{max_questions}`` is the build's own.
FACT_NAMES = ["carrier", "marketplace", "delay", "weight", "price", "count", "day"]


PLAIN = st.sampled_from(WORDS) | st.text(characters, min_size=1, max_size=5)
#: A link's words: no [ or ] in them, or it would not be a link.
LINK_WORD = st.sampled_from([word for word in WORDS if word not in "[]"]) | st.text(characters, min_size=1, max_size=5)
PLACEHOLDER = st.sampled_from(sorted([*BUILT_IN_PLACEHOLDERS, *FACT_NAMES])).map("{{{}}}".format)


def texts(targets: list[str]) -> st.SearchStrategy[str]:
    """Texts: words, odd characters, placeholders and links to ``targets``, never HTML."""
    words = st.lists(LINK_WORD | PLACEHOLDER, min_size=1, max_size=2).map(" ".join)
    link = st.builds("[{}]({})".format, words, st.sampled_from(targets))
    return st.lists(PLAIN | PLACEHOLDER | link, min_size=1, max_size=4).map(" ".join)


def unique_ids(size: tuple[int, int]) -> st.SearchStrategy[list[str]]:
    return st.lists(ids, min_size=size[0], max_size=size[1], unique=True)


def _tree(draw: st.DrawFn, questions: list[dict[str, Any]], when: dict[str, list[str]]) -> list[dict]:
    """Boxes that tile the answers: split a question's answers into groups, recursively.

    The first split is on the first question, so the finder asks it first on
    every path: any question may then follow it.
    """
    if not questions or (when and draw(st.booleans())):
        return [when]
    question = draw(st.sampled_from(questions)) if when else questions[0]
    answers = [answer["id"] for answer in question["answers"]]
    labels = draw(st.lists(st.integers(0, len(answers) - 1), min_size=len(answers), max_size=len(answers)))
    if len(set(labels)) == 1:
        labels[-1] = labels[0] + 1
    groups: dict[int, list[str]] = {}
    for answer, label in zip(answers, labels, strict=True):
        groups.setdefault(label, []).append(answer)
    rest = [other for other in questions if other is not question]
    return [box for group in groups.values() for box in _tree(draw, rest, {**when, question["id"]: group})]


@st.composite
def valid_policies(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """Plain data for a policy the check must accept and the build must render, and its help-center.yaml."""
    question_ids = draw(unique_ids((1, 3)))
    questions = [
        {"id": question_id, "answers": [{"id": answer_id} for answer_id in draw(unique_ids((2, 3)))]}
        for question_id in question_ids
    ]
    boxes = _tree(draw, questions, {})
    asked = {question_id for box in boxes for question_id in box}
    questions = [question for question in questions if question["id"] in asked]  # the first one always is
    for question in questions[1:]:
        if draw(st.booleans()):
            question["follows"] = [questions[0]["id"]]
    outcome_ids = draw(unique_ids((1, min(3, len(boxes)))))
    leads_to = [*outcome_ids, *(draw(st.sampled_from(outcome_ids)) for _ in boxes[len(outcome_ids) :])]
    # A scenario's anchor on the article page (#id) is its id, as an outcome's: the two never share one.
    others = ids.filter(lambda scenario: scenario not in outcome_ids)
    scenario_ids = draw(st.lists(others, min_size=len(boxes), max_size=len(boxes), unique=True))
    policy_id = draw(ids)
    targets = [*LINK_NAMES, *(f"outcome:{outcome}" for outcome in outcome_ids), f"{policy_id}/finder"]
    text = texts(targets)

    def optional(mapping: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> dict[str, Any]:
        if draw(st.booleans()):
            mapping[key] = draw(strategy)
        return mapping

    def block() -> Any:
        kind = draw(st.sampled_from(["paragraph", "list", "numbered", "heading", "note", "table"]))
        if kind == "paragraph":
            return draw(text)
        if kind in ("list", "numbered"):
            return {kind: draw(st.lists(text, min_size=1, max_size=2))}
        if kind == "heading":
            return {"heading": draw(text)}
        if kind == "note":
            return optional({"note": draw(text)}, "kind", st.sampled_from(["info", "tip", "warning"]))
        columns = draw(st.integers(1, 3))
        rows = [{"id": row, "cells": [draw(text) for _ in range(columns)]} for row in draw(unique_ids((1, 2)))]
        return {"table": {"caption": draw(text), "columns": [draw(text) for _ in range(columns)], "rows": rows}}

    def body() -> list[Any]:  # a paragraph first: a copy of a first block is no mistake, a copy of an id is
        return [draw(text), *(block() for _ in range(draw(st.integers(0, 2))))]

    for question in questions:
        question["text"] = draw(text)
        optional(question, "hint", text)
        for answer in question["answers"]:
            answer["text"] = draw(text)
    markets = ["us", *(["fr"] if draw(st.integers(0, 3)) == 0 else [])]
    address = draw(st.sampled_from(["https://example.com/", "https://example.org/a?b=c&d=e#f"]))
    links: dict[str, Any] = {
        name: f"{address}{name}" if draw(st.booleans()) else {"by_market": {m: f"{address}{m}/{name}" for m in markets}}
        for name in LINK_NAMES
    }
    carrier = draw(st.sampled_from(["UPS", "La Poste", "DHL & Co"]))
    facts: dict[str, Any] = {
        "carrier": {"type": "name", "by_market": {market: carrier for market in markets}},
        "marketplace": {"type": "name", "value": draw(st.sampled_from(["Toy Market", "Back Market", "Marché"]))},
        "delay": {
            "type": "duration",
            "value": draw(st.integers(1, 30)),
            "unit": draw(st.sampled_from(["business-day", "day", "week", "month"])),
        },
        "weight": {
            "type": "mass",
            "value": draw(st.sampled_from([0.25, 0.5, 1, 2.2, 3.5])),
            "unit": draw(st.sampled_from(["pound", "kilogram"])),
        },
        "price": {
            "type": "money",
            "value": draw(st.sampled_from([0, 129, 1999])),
            "currency": draw(st.sampled_from(["EUR", "USD", "JPY"])),
        },
        "count": {"type": "number", "value": draw(st.sampled_from([3, 2.5, 1000]))},
        "day": {"type": "date", "value": draw(st.sampled_from(["2025-03-31", "2024-02-29"]))},
    }
    procedures = [
        {
            "id": procedure,
            # A step's id is its anchor on the page: its procedure's id before it keeps it the only one.
            "steps": [
                optional({"id": f"{procedure}-{step}", "title": draw(text)}, "body", st.builds(body)) for step in steps
            ],
        }
        for procedure, steps in zip(
            draw(unique_ids((0, 2))), [draw(unique_ids((1, 2))) for _ in range(2)], strict=False
        )
    ]
    outcomes = [
        # Each title its own: two outcomes with one title are a mistake the check refuses.
        optional(
            optional({"id": outcome, "title": f"{draw(text)} {outcome}"}, "summary", text), "body", st.builds(body)
        )
        for outcome in outcome_ids
    ]
    for procedure in procedures:  # each procedure is shown somewhere
        outcome = draw(st.sampled_from(outcomes))
        outcome["body"] = [*outcome.get("body", [draw(text)]), {"procedure": procedure["id"]}]
    # Every fact and link is used, in the article's last words.
    uses = " ".join([*(f"{{{name}}}" for name in FACT_NAMES), *(f"[{name}]({name})" for name in LINK_NAMES)])
    policy = {
        "id": policy_id,
        "category": "returns",
        "facts": facts,
        "links": links,
        **({"procedures": procedures} if procedures else {}),
        "questions": questions,
        "scenarios": [
            {"id": scenario, "when": when, "outcome": outcome, "situation": draw(text)}
            for scenario, when, outcome in zip(scenario_ids, boxes, leads_to, strict=True)
        ],
        "outcomes": outcomes,
        "article": optional(
            {
                "id": draw(ids.filter(lambda article_id: article_id not in RESERVED_ARTICLE_IDS)),
                "title": draw(text),
                "description": draw(text),
                "intro": draw(text) + " " + uses,
            },
            "escalation",
            text,
        ),
        "finder": {"title": draw(text), "description": draw(text), "intro": draw(text)},
    }
    step = st.sampled_from([0.01, 0.05, 0.1])  # fine enough that no mass above rounds to 0
    help_center = {
        "markets": {market: {"mass_unit": draw(st.sampled_from(["pound", "kilogram"]))} for market in markets},
        "mass_rounding": {"pound": draw(step), "kilogram": draw(step)},
        "categories": [{"id": "returns", "title": "Returns"}],
    }
    return policy, help_center


def dump(data: Any, width: int = 1000) -> str:
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=width)
    assert yaml.load(text, Loader=yaml.CSafeLoader) == data  # the test's own YAML means what it says
    return text


# Broken toy policies: a valid one, then one change.


@cache
def policy_schema() -> dict[str, Any]:
    return json.loads((CONTENT_DIR / "policy.schema.json").read_text(encoding="utf-8"))


def schema_at(path: tuple[str | int, ...]) -> dict[str, Any]:
    """The part of the policy's schema that describes the value at ``path``."""

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = policy_schema()["$defs"][node["$ref"].rsplit("/", 1)[1]]
        return node

    node = resolve(policy_schema())
    for part in path:
        if isinstance(part, int):
            node = resolve(node["items"])
        else:
            node = resolve(node.get("properties", {}).get(part) or node["additionalProperties"])
    return node


def walk(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Yield the path and value of everything in ``data``, ``data`` included."""
    yield path, data
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield from walk(value, (*path, key))


def at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


#: A value of another type for each type a policy holds; the schema allows none of them in its place.
OTHER_TYPES = {
    str: [42, ["a list"], {"a": "mapping"}, None, True],
    bool: ["true", 1, [True]],
    int: ["two", [2], None, {"count": 2}],
    float: ["0.5", [0.5], {"value": 0.5}],
    list: ["text", {"a": "mapping"}, 3],
    dict: [["a", "list"], "text", 1],
}
MARKUP = ["<b>", "</i>", "<br/>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&#39;"]
MARKUP += ["[x](javascript:alert(1))", "[x](data:text/html,hi)", "[x](http://example.com)", "[x](//evil.example)"]


def _json_type(value: Any) -> str:
    """The JSON Schema type of a value: the name a schema's ``type`` gives it."""
    kinds = {bool: "boolean", str: "string", dict: "object", list: "array", type(None): "null"}
    return kinds.get(type(value), "number")


def mutate(draw: st.DrawFn, policy: dict[str, Any]) -> tuple[str, str, bool]:
    """Change a valid policy once; return its YAML text, what changed, and whether it must be refused."""
    broken = copy.deepcopy(policy)
    kind = draw(
        st.sampled_from(["delete", "retype", "duplicate-id", "rename-reference", "html", "edit-yaml", "tab"]),
        label="mutation",
    )
    if kind == "delete":
        path = draw(st.sampled_from([path for path, _ in walk(broken) if path and isinstance(path[-1], str)]))
        del at(broken, path[:-1])[path[-1]]
        required = path[-1] in schema_at(path[:-1]).get("required", ())
        return dump(broken), f"deleted {path}", required
    if kind == "retype":
        path = draw(st.sampled_from([path for path, _ in walk(broken) if path]))
        # A block or a link may be a text or a mapping: only another type than those is refused.
        allowed = schema_at(path).get("type", [])
        allowed = [allowed] if isinstance(allowed, str) else allowed
        others = [value for value in OTHER_TYPES[type(at(broken, path))] if _json_type(value) not in allowed]
        value = draw(st.sampled_from(others))
        at(broken, path[:-1])[path[-1]] = value
        return dump(broken), f"{path} = {value!r}", True
    if kind == "duplicate-id":
        lists = [
            path for path, value in walk(broken) if isinstance(value, list) and value and isinstance(value[0], dict)
        ]
        items = at(broken, draw(st.sampled_from(lists)))
        if len(items) == 1:
            items.append(copy.deepcopy(items[0]))
        else:
            first, second = draw(st.lists(st.integers(0, len(items) - 1), min_size=2, max_size=2, unique=True))
            items[second]["id"] = items[first]["id"]
        return dump(broken), "duplicated an id", True
    if kind == "rename-reference":
        return rename_reference(draw, broken)
    if kind == "html":
        path, text = draw(st.sampled_from(list(policy_texts(broken))))
        index = draw(st.integers(0, len(text)))
        markup = draw(st.sampled_from(MARKUP))
        at(broken, path[:-1])[path[-1]] = text[:index] + markup + text[index:]
        return dump(broken), f"{markup!r} into {path}", True
    width = draw(st.sampled_from([40, 1000]))
    text = dump(broken, width)
    if kind == "tab":  # at the start of a line: in an indentation, where YAML never allows one
        lines = text.split("\n")
        index = draw(st.sampled_from([index for index, line in enumerate(lines) if line]))
        lines[index] = "\t" + lines[index]
        return "\n".join(lines), f"a tab before line {index + 1}", width == 1000
    for _ in range(draw(st.integers(1, 3))):  # "edit-yaml": the text itself, characters in or out
        index = draw(st.integers(0, len(text)))
        if draw(st.booleans()) and index < len(text):
            text = text[:index] + text[index + draw(st.integers(1, 5)) :]
        else:
            text = (
                text[:index] + draw(st.sampled_from(":-'\"[]{}#&*!|>%@`\t\n ,?") | st.text(max_size=3)) + text[index:]
            )
    return text, "edited the YAML text", False


def rename_reference(draw: st.DrawFn, broken: dict[str, Any]) -> tuple[str, str, bool]:
    """Misspell one reference: an outcome, a question, an answer, a followed question, a link or a placeholder."""
    taken = {value for _, value in walk(broken) if isinstance(value, str)}
    taken |= {key for _, value in walk(broken) if isinstance(value, dict) for key in value}
    renamed = draw(ids).replace("-", "") + "-x"
    while renamed in taken or renamed.replace("-", "_") in taken:
        renamed += "x"
    places: list[tuple[str, Any]] = [("outcome", index) for index in range(len(broken["scenarios"]))]
    places += [("question", index) for index, scenario in enumerate(broken["scenarios"]) if scenario["when"]]
    places += [("follows", index) for index, question in enumerate(broken["questions"]) if "follows" in question]
    references = r"\{([a-z_]+)\}|\]\(([a-z0-9_:-]+)\)"
    places += [("text", path) for path, text in policy_texts(broken) if re.search(references, text)]
    place, where = draw(st.sampled_from(places))
    if place == "outcome":
        broken["scenarios"][where]["outcome"] = renamed
    elif place == "question":
        when = broken["scenarios"][where]["when"]
        question = draw(st.sampled_from(sorted(when)))
        if draw(st.booleans()):
            when[renamed] = when.pop(question)
        else:
            when[question] = [*when[question][:-1], renamed]
    elif place == "follows":
        broken["questions"][where]["follows"] = [renamed]
    else:
        text = at(broken, where)
        found = re.findall(references, text)
        old = draw(st.sampled_from(sorted({name for pair in found for name in pair if name})))
        new = renamed.replace("-", "_") if "{" + old + "}" in text else renamed
        at(broken, where[:-1])[where[-1]] = text.replace(f"{{{old}}}", f"{{{new}}}").replace(f"]({old})", f"]({new})")
    return dump(broken), f"renamed a reference ({place}) to {renamed}", True


@FUZZ_SETTINGS
@given(generated=valid_policies(), width=st.sampled_from([40, 1000]), data=st.data())
def test_valid_policies_build_and_broken_ones_are_refused_at_a_line(folder, generated, width, data):
    policy, help_center = generated
    text = dump(policy, width)
    shared = dump(help_center).encode("utf-8")
    note(text)
    write_content(folder, text.encode("utf-8"), shared=shared)

    # en-US is published; the French of the fr market, untranslated, shows the same texts in its units.
    assert check(folder, ENGLISH, *([SiteLocale("fr-FR", "fr")] if "fr" in help_center["markets"] else [])) == []

    text, change, must_fail = mutate(data.draw, policy)
    note(f"{change}:\n{text}")
    write_content(folder, text.encode("utf-8"), shared=shared)

    problems = check(folder, ENGLISH)

    event("refused" if problems else "accepted")
    if must_fail:
        assert problems, f"accepted: {change}"


# French catalogs of the toy policy.

LOCALES = "source: en-US\npublished:\n  - tag: en-US\n    market: us\n  - tag: fr-FR\n    market: us\n"


@pytest.fixture(scope="module")
def toy_messages(folder):
    """The messages of the toy policy a French catalog translates."""
    write_content(folder, TOY_POLICY.read_bytes(), LOCALES)
    content, problems = check_content(folder, catalogs_required=False)  # the catalog is what the fuzzer writes
    assert problems == []
    return messages_for(content.messages, FRENCH)


def po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


#: The catalog's header, as Poedit writes it.
HEADER = [
    '"Language: fr_FR\\n"',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    '"Plural-Forms: nplurals=3; plural=(n == 0 || n == 1) ? 0 : (n != 0 && n % 1000000 == 0) ? 1 : 2;\\n"',
]
#: French's forms of a count: msgstr[0] is "one", msgstr[1] "many", msgstr[2] "other".
FRENCH_FORMS = 3


def translated(message: SourceMessage) -> tuple[str, Any, Any]:
    """A catalog row of ``message``, translated: a text with a count has its English forms and its French ones."""
    if message.plural is None:
        return (message.context, message.text, translate(message.text))
    forms = (translate(message.text), *[translate(message.plural)] * (FRENCH_FORMS - 1))
    return (message.context, message.msgid, forms)


def write_po(entries: list[tuple[str, Any, Any]], header: list[str] = HEADER) -> str:
    """A catalog of (context, English, translation) entries, as Babel would read it; a text with a count has a
    tuple of English (singular, plural) and one of translated forms."""
    lines = ["# A French catalog made by the fuzzer.", 'msgid ""', 'msgstr ""', *header, ""]
    for context, english, translation in entries:
        if isinstance(english, tuple):
            lines += [f"msgctxt {po_string(context)}", f"msgid {po_string(english[0])}"]
            lines += [f"msgid_plural {po_string(english[1])}"]
            lines += [f"msgstr[{index}] {po_string(form)}" for index, form in enumerate(translation)]
            lines.append("")
            continue
        lines += [
            f"msgctxt {po_string(context)}",
            f"msgid {po_string(english)}",
            f"msgstr {po_string(translation)}",
            "",
        ]
    return "\n".join(lines)


def msgstr_line(po: str, context: str, keyword: str = "msgstr") -> int:
    """The line of the msgstr (or ``msgstr[index]``) of ``context``: what a translator fixes, where errors point."""
    lines = po.split("\n")
    start = lines.index(f"msgctxt {po_string(context)}")
    return next(number for number in range(start + 1, len(lines) + 1) if lines[number - 1].startswith(keyword))


def translate(text: str) -> str:
    """A translation that keeps the syntax: placeholders, links' targets; only the words change."""
    return "FR " + re.sub(r"\b([a-z]+)\b(?![^{]*\})(?![^(]*\))", lambda match: match.group(1)[::-1], text)


#: Each change to a translation, and which English texts it can change.
CATALOG_CHANGES = {
    "none": lambda text: True,
    "drop-placeholder": lambda text: "{" in text,
    "rename-placeholder": lambda text: "{" in text,
    "markup": lambda text: True,
    "link": lambda text: "](" in text,
    "plural": lambda text: "{count}" in text,
    "bytes": lambda text: True,
    "twice": lambda text: True,
    "header": lambda text: True,
}

#: Headers a catalog may have been saved with, and whether the check must refuse them.
HEADERS = [
    (['"Language: de_DE\\n"'], True),  # copied from another locale
    (['"Language: en\\n"'], True),
    (['"Language: fr\\n"'], False),  # the language without its region
    (['"Language: fr-FR\\n"'], False),
    (['"Language: xx_YY\\n"'], False),  # not a locale Babel knows: the file's name decides
    ([], False),  # no header lines at all
    (['"Language: fr_FR\\n"', '"Plural-Forms: nplurals=3; plural=garbage;\\n"'], None),  # no forms to read
    (['"Language: fr_FR\\n"', '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"'], None),  # gettext's old table
    (['"Language: fr_FR\\n"', f'"Plural-Forms: {plural_forms(FRENCH.babel).header}\\n"'], False),
    (['"Content-Type: text/plain; charset=ISO-8859-1\\n"'], False),  # the file is read as UTF-8 anyway
    (['"Language: fr_FR"', '"\\n"'], False),  # one header over two lines
]


@FUZZ_SETTINGS
@given(data=st.data())
def test_broken_catalogs_are_refused_at_a_line(folder, toy_messages, data):
    draw = data.draw
    kind = draw(st.sampled_from(list(CATALOG_CHANGES)), label="change")
    chosen = draw(st.lists(st.sampled_from(toy_messages), min_size=1, max_size=20, unique_by=lambda m: m.context))
    targets = [message for message in toy_messages if CATALOG_CHANGES[kind](message.text)]
    target = draw(
        st.sampled_from([message for message in targets if (message.plural is not None) == (kind == "plural")])
    )
    chosen.append(target)  # perhaps a second time: it then counts once
    entries: dict[str, tuple[Any, Any]] = {message.context: translated(message)[1:] for message in chosen}
    target = target.context
    english, translation = entries[target]
    if kind in {"drop-placeholder", "rename-placeholder"}:
        placeholder = draw(st.sampled_from(re.findall(r"\{[a-z_]+\}", translation)))
        translation = translation.replace(placeholder, "" if kind == "drop-placeholder" else placeholder[:-1] + "_fr}")
    elif kind == "markup":
        at_index = draw(st.integers(0, len(translation)))
        translation = translation[:at_index] + draw(st.sampled_from(MARKUP)) + translation[at_index:]
    elif kind == "link":
        link = draw(st.sampled_from(re.findall(r"\]\([a-z0-9_:-]+\)", translation)))
        changed = draw(st.sampled_from(["](formulaire)", "](javascript:alert(1))", "](https://example.com)", "]"]))
        translation = translation.replace(link, changed)
    elif kind == "plural":  # a form left empty
        empty = draw(st.integers(0, FRENCH_FORMS - 1))
        translation = tuple("" if index == empty else form for index, form in enumerate(translation))
    entries[target] = (english, translation)
    rows = [(context, *english_and_french) for context, english_and_french in entries.items()]
    header, header_is_wrong = HEADER, False
    if kind == "twice":  # the target once more, translated otherwise, anywhere
        rows.insert(draw(st.integers(0, len(rows))), (target, english, translation + " bis"))
    elif kind == "header":
        header, header_is_wrong = draw(st.sampled_from(HEADERS))
        if header_is_wrong is None:  # wrong for a catalog with a text with a count: its forms cannot be read
            header_is_wrong = any(isinstance(english, tuple) for english, _ in entries.values())
        elif not any(line.startswith('"Plural-Forms') for line in header):  # read with CLDR's forms
            header = [*header, HEADER[-1]]
    po = write_po(rows, header)
    catalog = po.encode("utf-8")
    if kind == "bytes":
        for _ in range(draw(st.integers(1, 4))):
            at_byte = draw(st.integers(0, len(catalog)))
            if draw(st.booleans()):
                catalog = catalog[:at_byte] + catalog[at_byte + draw(st.integers(1, 4)) :]
            else:
                inserted = draw(
                    st.binary(min_size=1, max_size=3) | st.sampled_from([b'"', b"\\", b"\n", b"#", b"\xff"])
                )
                catalog = catalog[:at_byte] + inserted + catalog[at_byte:]
    note(catalog.decode("utf-8", "replace"))
    write_content(folder, TOY_POLICY.read_bytes(), LOCALES, catalog)

    problems = check(folder, FRENCH)  # the English of the toy policy is always the same

    event(f"{kind}: {'refused' if problems else 'accepted'}")
    if kind == "none" or (kind == "header" and not header_is_wrong):
        assert problems == []
    elif kind in {"twice", "header"}:
        assert problems, f"accepted: {kind}"
    elif kind != "bytes":  # the broken entry is reported at the line of its msgstr, and named
        keyword = f"msgstr[{translation.index('')}]" if kind == "plural" else "msgstr"
        line = msgstr_line(po, target, keyword)
        assert any(problem.position.line == line and problem.message.startswith(f"{target}: ") for problem in problems)


# locales.yaml for the toy policy: valid ones, then one change.

#: Tags a hand may type for fr-FR; none is one.
TAG_TYPOS = ["fr-fr", "FR-fr", "FR-FR", "fr_FR", "fr-XX", "xx-FR", "fr", "", "fr-FR ", "gb-EN"]


@st.composite
def valid_locales(draw: st.DrawFn) -> dict[str, Any]:
    """A locales.yaml for the toy policy (one market, ``us``): English, French, and perhaps forms and names."""
    published = [{"tag": "en-US", "market": "us"}, {"tag": "fr-FR", "market": "us"}]
    published = draw(st.permutations(published))
    data: dict[str, Any] = {"source": "en-US", "published": [dict(item) for item in published]}
    names = draw(st.lists(st.sampled_from(["Toy Market", "UPS", "Größe Co", "日本"]), unique=True, max_size=3))
    if names:
        data["names"] = names
    if draw(st.booleans()):
        french = next(item for item in data["published"] if item["tag"] == "fr-FR")
        french["name_forms"] = {"de UPS": "d’UPS"}
    return data


def mutate_locales(draw: st.DrawFn, locales: dict[str, Any]) -> tuple[str, str, bool]:
    """Break ``locales`` in one way; return its YAML, what changed and whether the check must refuse it."""
    broken = copy.deepcopy(locales)
    french = next(item for item in broken["published"] if item["tag"] == "fr-FR")
    kind = draw(
        st.sampled_from(
            ["none", "tag", "market", "duplicate", "source", "delete", "type", "names", "form", "form-same", "text"]
        ),
        label="change",
    )
    if kind == "tag":
        french["tag"] = draw(st.sampled_from(TAG_TYPOS))
    elif kind == "market":
        french["market"] = draw(st.sampled_from(["fr", "US", "u s", "", "usa"]))
    elif kind == "duplicate":
        broken["published"].append(dict(french))
    elif kind == "source":
        broken["source"] = draw(st.sampled_from(["de-DE", "en-GB", "en-us", "fr"]))
    elif kind == "delete":
        path = draw(st.sampled_from([("source",), ("published",), ("published", 0, "tag"), ("published", 1, "market")]))
        del at(broken, path[:-1])[path[-1]]
    elif kind == "type":
        path = draw(st.sampled_from([("source",), ("published",), ("published", 0), ("published", 1, "market")]))
        at(broken, path[:-1])[path[-1]] = draw(st.sampled_from([42, None, ["a"], {"a": "b"}, True]))
    elif kind == "names":
        broken["names"] = draw(st.sampled_from([[42], "UPS", [""], [None], {"a": "b"}]))
    elif kind == "form":
        french["name_forms"] = {draw(st.sampled_from(["de", "de Toy Marke", "de UPSS", "Market"])): "d’X"}
    elif kind == "form-same":
        french["name_forms"] = {"de UPS": "de UPS"}
    text = dump(broken)
    if kind == "text":  # a few characters inserted or deleted anywhere
        for _ in range(draw(st.integers(1, 3))):
            index = draw(st.integers(0, len(text)))
            if draw(st.booleans()):
                text = text[:index] + text[index + draw(st.integers(1, 3)) :]
            else:
                text = (
                    text[:index]
                    + draw(st.sampled_from([":", " ", "\n", "-", "'", '"', "#", "\t", "{", "é"]))
                    + text[index:]
                )
    return text, kind, kind not in {"none", "text"}


@FUZZ_SETTINGS
@given(locales=valid_locales(), data=st.data())
def test_broken_locales_files_are_refused_at_a_line(folder, toy_messages, locales, data):
    catalog = write_po([translated(message) for message in toy_messages])
    text = dump(locales)
    note(text)
    write_content(folder, TOY_POLICY.read_bytes(), text, catalog.encode("utf-8"))
    assert check(folder, ENGLISH, FRENCH) == []

    text, change, must_fail = mutate_locales(data.draw, locales)
    note(f"{change}:\n{text}")
    write_content(folder, TOY_POLICY.read_bytes(), text, catalog.encode("utf-8"))

    problems = check(folder, ENGLISH)

    event(f"{change}: {'refused' if problems else 'accepted'}")
    if must_fail:
        assert problems, f"accepted: {change}"
        assert any(problem.position.file.endswith("locales.yaml") for problem in problems), problems
