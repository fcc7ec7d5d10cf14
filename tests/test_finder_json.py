"""finder.json: the proven finder as data, in every locale, valid against its schema and true to the static finder.

Walked over every combination of answers, it reaches the outcome that brute
force (generator/logic/table.py, the tests' oracle) gives; each of its nodes is a
page of the built site that asks the same question or shows the same outcome.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest

from generator.logic.table import decide
from support import LOCALES, html_tags, locale_words

SCHEMA = Path(__file__).resolve().parent.parent / "generator" / "rendering" / "templates" / "finder.schema.json"
PER_LOCALE = pytest.mark.parametrize(
    ("tag", "slug"), [(tag, slug) for tag, _, slug in LOCALES], ids=[t for t, *_ in LOCALES]
)


def finder_json(built_site: Path, slug: str) -> dict:
    return json.loads((built_site / slug / "finder.json").read_text(encoding="utf-8"))


@PER_LOCALE
def test_finder_json_validates_against_the_schema_published_beside_it(built_site, tag, slug):
    published = json.loads((built_site / slug / "finder.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = finder_json(built_site, slug)

    jsonschema.Draft202012Validator(published).validate(data)
    assert data["locale"] == tag


@PER_LOCALE
def test_walking_finder_json_reaches_the_outcome_brute_force_gives_for_every_combination(
    content, built_site, tag, slug
):
    data = finder_json(built_site, slug)
    nodes = {node["id"]: node for node in data["nodes"]}
    policy = content.policy
    walked = set()
    for combination in itertools.product(*(question.answer_ids for question in policy.questions)):
        answers = dict(zip((question.id for question in policy.questions), combination, strict=True))
        node = nodes[data["start"]]
        while "question" in node:
            walked.add(node["id"])
            node = nodes[node["next"][answers[node["question"]]]]
        walked.add(node["id"])
        (scenario,) = decide(policy, answers)
        assert (node["scenario"], node["outcome"]) == (scenario, policy.scenario(scenario).outcome), answers
    assert walked == set(nodes), "every node is on some customer's way"


@PER_LOCALE
def test_every_node_is_the_static_finders_page_at_its_address(built_site, tag, slug):
    data = finder_json(built_site, slug)
    for node in data["nodes"]:
        path = urlsplit(node["url"]).path
        assert path == f"/{slug}/{node['id']}/"
        tags = html_tags((built_site / slug / node["id"] / "index.html").read_text(encoding="utf-8"))
        sections = [attributes for name, attributes in tags if name == "section"]
        if "question" in node:
            assert {"data-question": node["question"]}.items() <= sections[-1].items()
            links = {attributes["data-answer"] for name, attributes in tags if "data-answer" in attributes}
            assert links == set(node["next"])
        else:
            assert sections[-1]["data-outcome"] == node["outcome"]
            assert sections[-1]["data-scenario"] == node["scenario"]


@PER_LOCALE
def test_finder_json_speaks_the_locales_words(content, built_site, tag, slug):
    data = finder_json(built_site, slug)
    shown = [question["text"] for question in data["questions"]]
    shown += [answer["text"] for question in data["questions"] for answer in question["answers"]]
    shown += [outcome["title"] for outcome in data["outcomes"]]
    assert shown == [" ".join(text.split()) for text in locale_words(content.policy, tag)]


@pytest.mark.parametrize(
    "node",
    [
        pytest.param({"id": "finder", "url": "/", "answered": [], "question": "q", "next": {}, "outcome": "o"}, id="question-and-outcome"),
        pytest.param({"id": "finder", "url": "/", "answered": [], "outcome": "o"}, id="outcome-without-scenario"),
        pytest.param({"id": "guide", "url": "/", "answered": [], "outcome": "o", "scenario": "s"}, id="not-a-finder-id"),
    ],
)  # fmt: skip
def test_the_schema_refuses_a_node_that_is_neither_a_question_nor_an_outcome(node):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = {
        "format": 1, "locale": "en-US", "title": "Finder", "url": "/", "start": "finder",
        "questions": [], "outcomes": [], "scenarios": [], "nodes": [node],
    }  # fmt: skip
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)
