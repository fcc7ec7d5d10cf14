"""finder.json names each text a locale shows in English (its translation stale or missing) in ``lang``, as the
pages mark it with a ``lang`` attribute: a consumer reading it aloud or showing it knows its language."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.content.locales import SiteLocale
from generator.helpcenter.folder import load_content
from generator.helpcenter.translate import localize
from generator.rendering.finder_data import SCHEMA_FILE, finder_files

FRENCH = SiteLocale("fr-FR", "fr")


def finder_json(content_dir: Path, locale: SiteLocale = FRENCH) -> dict:
    content = load_content(content_dir)
    data = json.loads(finder_files(localize(content, locale), locale, f"/{locale.slug}/")["finder.json"])
    jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))).validate(data)
    return data


def untranslate(catalog: Path, context: str) -> str:
    """Empty the French translation of ``context``; return its English."""
    lines = catalog.read_text(encoding="utf-8").split("\n")
    at = lines.index(f'msgctxt "{context}"')
    assert lines[at + 1].startswith('msgid "')
    assert lines[at + 2].startswith('msgstr "')
    lines[at + 2] = 'msgstr ""'
    catalog.write_text("\n".join(lines), encoding="utf-8")
    return json.loads(lines[at + 1].removeprefix("msgid "))


def langs(data: dict) -> list[tuple[str, dict]]:
    """Every ``lang`` in ``data``, with the id of the object that has it (the root: ``finder``)."""
    found = [("finder", data["lang"])] if "lang" in data else []
    for key in ("questions", "outcomes", "scenarios"):
        for item in data[key]:
            found += [(item["id"], item["lang"])] if "lang" in item else []
            for answer in item.get("answers", []):
                found += [(f"{item['id']}/{answer['id']}", answer["lang"])] if "lang" in answer else []
    return found


@pytest.mark.parametrize(
    ("context", "where", "field"),
    [
        ("trade-in/outcomes/free-return/title", "free-return", "title"),
        ("trade-in/outcomes/free-return/summary", "free-return", "summary"),
        ("trade-in/questions/device-status/text", "device-status", "text"),
        ("trade-in/questions/device-status/hint", "device-status", "hint"),
        ("trade-in/questions/device-status/answers/counterfeit/text", "device-status/counterfeit", "text"),
        ("trade-in/scenarios/did-not-try/situation", "did-not-try", "situation"),
        ("trade-in/finder/title", "finder", "title"),
    ],
    ids=["outcome-title", "outcome-summary", "question", "hint", "answer", "scenario", "finder-title"],
)
def test_a_text_shown_in_english_is_named_with_its_language(project, context, where, field):
    english = untranslate(project / "content/locales/fr-FR.po", context)

    data = finder_json(project / "content")

    assert langs(data) == [(where, {field: "en-US"})]
    item = data if where == "finder" else _find(data, where)
    before_values = english.split("{")[0]  # a value ({free_return_delay}) is filled in, in the locale's words
    assert item[field].startswith(before_values)
    assert item[field] == english or "{" in english


def _find(data: dict, where: str) -> dict:
    question, _, answer = where.partition("/")
    for key in ("questions", "outcomes", "scenarios"):
        for item in data[key]:
            if item["id"] == question:
                return next(a for a in item["answers"] if a["id"] == answer) if answer else item
    raise AssertionError(where)


@pytest.mark.parametrize("locale", [FRENCH, SiteLocale("en-US", "us")], ids=["fully-translated", "source"])
def test_a_locale_that_shows_every_text_in_its_language_names_none(locale):
    assert langs(finder_json(Path(__file__).resolve().parent.parent / "content", locale)) == []
