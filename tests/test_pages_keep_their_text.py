"""Customers see no change: every page of every locale keeps its text and its addresses.

The golden files (``tests/golden/pages/<locale>.json``) hold, for each page of the built site, its title,
description, and the text and links of its main content. A change that moves a word or an address a customer
sees fails here; when the change is intended, build (`make build`) and record it with
`python tools/golden_pages.py --update site`, and let the diff of the golden files show what customers will see.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import LOCALES, locale_pages, page_text

GOLDEN = Path(__file__).resolve().parent / "golden" / "pages"


def first_difference(old: dict[str, object], new: dict[str, object]) -> str:
    """The first field, and within text and links the first line, where ``new`` differs from ``old``."""
    for field in sorted(old.keys() | new.keys()):
        before, after = old.get(field), new.get(field)
        if before == after:
            continue
        if isinstance(before, list) and isinstance(after, list):
            for number, (line_before, line_after) in enumerate(zip(before, after, strict=False), start=1):
                if line_before != line_after:
                    return f"{field} line {number}: {line_before!r} became {line_after!r}"
            if len(before) > len(after):
                return f"{field} line {len(after) + 1}: {before[len(after)]!r} is gone"
            return f"{field} line {len(before) + 1}: {after[len(before)]!r} is new"
        return f"{field}: {before!r} became {after!r}"
    return "no difference"


def differences(golden: dict[str, dict[str, object]], built: dict[str, dict[str, object]]) -> list[str]:
    """Every page added, missing or changed, one line each."""
    lines = [f"{page}: missing (the golden file has it)" for page in sorted(golden.keys() - built.keys())]
    lines += [f"{page}: added (not in the golden file)" for page in sorted(built.keys() - golden.keys())]
    lines += [
        f"{page}: {first_difference(golden[page], built[page])}"
        for page in sorted(golden.keys() & built.keys())
        if golden[page] != built[page]
    ]
    return lines


@pytest.mark.parametrize(("tag", "slug"), [(tag, slug) for tag, _, slug in LOCALES], ids=[t for t, _, _ in LOCALES])
def test_every_page_keeps_its_text_and_links(built_site, tag, slug):
    golden_file = GOLDEN / f"{tag}.json"
    assert golden_file.is_file(), f"no golden file for {tag}: run `python tools/golden_pages.py --update site`"
    golden = json.loads(golden_file.read_text(encoding="utf-8"))
    built = locale_pages(built_site / slug)
    found = differences(golden, built)
    assert not found, (
        f"{len(found)} page(s) of {tag} differ from {golden_file.name} (if intended: make build, then "
        "`python tools/golden_pages.py --update site`):\n" + "\n".join(found)
    )


def test_there_is_a_golden_file_for_each_published_locale_and_no_other(content):
    published = sorted(f"{locale.tag}.json" for locale in content.locales.published)
    assert sorted(path.name for path in GOLDEN.glob("*.json")) == published


def test_the_site_is_compared_without_the_address_it_was_built_for(built_site, site_server):
    assert locale_pages(built_site / "en-us")["404.html"]["links"] == ["/en-us/"]
    assert site_server.startswith("http://127.0.0.1:")


# What page_text keeps of a page, and what it leaves out: (html, expected subset of the result).
PAGES = [
    (
        "<html><head><title>Help  -\n Center</title><meta name='description' content=' Read  this '></head><body>"
        "<header>Search</header><nav><a href='/elsewhere/'>Menu</a></nav>"
        "<article class='md-content__inner md-typeset'><h1>Title</h1><p>One <em>two</em>\n three</p></article>"
        "<footer>Made with</footer><script>var x = 'no';</script></body></html>",
        {"title": "Help - Center", "description": "Read this", "text": ["Title", "One two three"], "links": []},
    ),
    (
        "<article class='md-content__inner'><ul><li><a href='a/'>A</a></li><li><a href='#b'>B</a></li></ul>"
        "<script>ignored()</script><style>p {}</style><p>Last<br>line</p></article><p>after</p>",
        {"text": ["A", "B", "Last", "line"], "links": ["a/", "#b"]},
    ),
    (
        "<title>T</title><article class='md-content__inner'><svg><title>Diagram</title><g><text>Box</text></g></svg>"
        "<p>Prix&nbsp;: 3&#160;€</p></article>",
        {"title": "T", "text": ["Diagram", "Box", "Prix\u00a0: 3\u00a0€"]},
    ),
    (
        '<head><meta http-equiv="refresh" content="0; url=https://help.example.com/en-us/finder/x/"></head>'
        '<article class="md-content__inner"><p><a href="https://help.example.com/en-us/finder/x/">Go</a></p>'
        '<p><a href="https://example.org/">Out</a></p></article>',
        {"refresh": "0; url=/en-us/finder/x/", "links": ["/en-us/finder/x/", "https://example.org/"]},
    ),
]


@pytest.mark.parametrize(
    ("html", "expected"), PAGES, ids=["chrome-left-out", "links-and-blocks", "diagram-and-no-break-space", "redirect"]
)
def test_page_text_keeps_what_a_customer_reads(html, expected):
    page = page_text(html, "https://help.example.com/")
    assert {field: page.get(field) for field in expected} == expected


# How a difference is told: (golden, built, expected lines).
CHANGES = [
    ({"a.html": {"text": ["x"]}}, {"a.html": {"text": ["x"]}}, []),
    ({"a.html": {"text": ["x", "y"]}}, {"a.html": {"text": ["x", "z"]}}, ["a.html: text line 2: 'y' became 'z'"]),
    ({"a.html": {"text": ["x", "y"]}}, {"a.html": {"text": ["x"]}}, ["a.html: text line 2: 'y' is gone"]),
    ({"a.html": {"links": []}}, {"a.html": {"links": ["b/"]}}, ["a.html: links line 1: 'b/' is new"]),
    ({"a.html": {"title": "A"}}, {"a.html": {"title": "B"}}, ["a.html: title: 'A' became 'B'"]),
    (
        {"a.html": {}},
        {"b.html": {}},
        ["a.html: missing (the golden file has it)", "b.html: added (not in the golden file)"],
    ),
]


@pytest.mark.parametrize(
    ("golden", "built", "expected"), CHANGES, ids=["same", "changed-line", "line-gone", "link-new", "title", "moved"]
)
def test_a_difference_is_told_page_by_page(golden, built, expected):
    assert differences(golden, built) == expected
