"""The locales.yaml editor on many layouts: the result reads as the old data plus the new locale, and on every
layout yaml's own emitter writes, in any style, with comments anywhere, the edit only inserts text."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.content.load import parse_document
from generator.content.locales_file import with_published

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TAGS = ["en-US", "fr-FR", "de-DE", "es-ES", "it-IT", "en-GB"]
MARKETS = st.sampled_from(["us", "fr", "de", "es", "it", "gb", "no", "on", "null", "y"])


@st.composite
def locales_files(draw) -> tuple[str, dict]:
    tags = draw(st.lists(st.sampled_from(TAGS), min_size=1, max_size=4, unique=True))
    published = [{"tag": tag, "market": draw(MARKETS)} for tag in tags]
    if draw(st.booleans()):
        published[-1]["name_forms"] = {"de UPS": "d’UPS"}
    data: dict = {"source": tags[0], "published": published}
    if draw(st.booleans()):
        data["names"] = ["UPS", "Back Market"]
    if draw(st.booleans()):  # published last, or in the middle
        data = {"published": data.pop("published"), **data}
    text = yaml.safe_dump(
        data,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=draw(st.sampled_from([False, True, None])),
        default_style=draw(st.sampled_from([None, '"', "'"])),
        indent=draw(st.sampled_from([2, 4])),
        width=draw(st.sampled_from([40, 1000])),
    )
    lines = text.splitlines(keepends=True)
    commented = draw(st.lists(st.integers(0, len(lines)), max_size=3, unique=True))
    for at in sorted(commented, reverse=True):  # whole-line comments, indented as the line they precede
        indent = len(lines[at]) - len(lines[at].lstrip(" ")) if at < len(lines) else 0
        lines.insert(at, " " * indent + f"# note {at}\n")
    if draw(st.booleans()):
        lines.insert(0, "# yaml-language-server: $schema=locales.schema.json\n")
    text = "".join(lines)
    if draw(st.booleans()):
        text = text.rstrip("\n")
    return text, data


@SETTINGS
@given(locales_files(), st.sampled_from(["nl-NL", "nb-NO"]), MARKETS)
def test_the_edit_reads_as_the_old_data_plus_the_new_locale(file, tag, market):
    text, data = file
    document, _ = parse_document(text, "locales.yaml")
    assume(document is not None and document.data == data)  # a comment put inside a text cut over lines

    edited, intended, kept = with_published(text, {"tag": tag, "market": market}, "locales.yaml")

    assert intended == {**data, "published": [*data["published"], {"tag": tag, "market": market}]}
    document, problems = parse_document(edited, "locales.yaml")
    assert problems == []
    assert document.data == intended
    assert kept, edited
    assert _only_inserts(text, edited), edited


def _only_inserts(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with one piece of text inserted somewhere: nothing else changed."""
    prefix = next((index for index, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), len(before))
    return len(after) > len(before) and after.endswith(before[prefix:])
