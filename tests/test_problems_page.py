"""The page the preview shows while the content is broken: each problem, its place, its YAML lines."""

from __future__ import annotations

import re

from generator.content.diagnostics import Diagnostic, Position
from generator.rendering.problems_page import problems_page
from support import nu_errors

POLICY = "".join(f"line {number}: text\n" for number in range(1, 11))


def test_each_problem_shows_its_place_its_lines_and_a_caret_under_its_column(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policy.yaml").write_text(POLICY, encoding="utf-8")
    problems = [
        Diagnostic(Position("policy.yaml", 5, 3), "unknown outcome '<b>x</b>'"),
        Diagnostic(Position("policy.yaml", 1, 1), "first line"),
        Diagnostic(Position("policy.yaml"), "the whole file"),
    ]

    html = problems_page(problems).decode("utf-8")

    assert html.count("<li data-problem>") == 3
    assert "unknown outcome &#39;&lt;b&gt;x&lt;/b&gt;&#39;" in html  # escaped, never run
    excerpts = re.findall(r"<pre>(.*?)</pre>", html, re.S)
    assert [re.findall(r"(\d+) │", block) for block in excerpts] == [
        ["3", "4", "5", "6", "7"],  # two lines before and after
        ["1", "2", "3"],  # the file starts here
    ]
    assert "line 5: text</mark>" in excerpts[0]
    caret = re.sub(r"<[^>]+>", "", excerpts[0]).splitlines()[3]
    assert caret == " " * 7 + "  ^"  # under column 3, past the line number's 7 characters
    assert "<pre>" not in html.split("the whole file")[1].split("</li>")[0], "no lines for a whole-file problem"


def test_a_failure_that_is_not_the_contents_shows_its_message():
    html = problems_page("overrides/main.html:3: unexpected 'endblock'").decode("utf-8")

    assert "<pre>overrides/main.html:3: unexpected &#39;endblock&#39;</pre>" in html
    assert "data-problem" not in html


def test_the_page_is_valid_html(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policy.yaml").write_text(POLICY, encoding="utf-8")
    page = problems_page([Diagnostic(Position("policy.yaml", 2, 1), "a problem")])
    (tmp_path / "problems.html").write_bytes(page)

    assert nu_errors(tmp_path, ["problems.html"]) == {}


def test_a_translator_s_warning_listed_with_the_problems_says_it_is_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policy.yaml").write_text(POLICY, encoding="utf-8")
    problems = [
        Diagnostic(Position("policy.yaml", 2, 1), "unknown outcome 'x'"),
        Diagnostic(Position("policy.yaml", 4, 1), "two spaces in a row", severity="warning"),
    ]

    html = problems_page(problems).decode("utf-8")

    shown = [re.sub(r"<[^>]+>", "", line) for line in re.findall(r"<p><code.*?</p>", html)]
    assert shown == ["policy.yaml:2:1: unknown outcome &#39;x&#39;", "policy.yaml:4:1: warning: two spaces in a row"]
