"""What looks like a link in a text is found in one pass: ``](`` repeated made the check's cost grow with its square.

A text of 10 KB of ``](`` took a second to check, so a 1 MiB policy of it
would have held ``check`` for hours. :func:`inline.any_links` must find
exactly what the regular expression it replaces finds.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_check_rejects import TOY_POLICY
from test_reading_limits import content_folder, run_check

from generator.content.inline import ANY_LINK, any_links, misuse


def by_the_expression(text: str) -> list[tuple[int, int, str]]:
    return [(match.start(), match.end(), match.group("target")) for match in ANY_LINK.finditer(text)]


@pytest.mark.parametrize(
    ("text", "links"),
    [
        pytest.param("[our form](contact_form)", [(9, 24, "contact_form")], id="a-link"),
        pytest.param("[x](javascript:alert(1))", [(2, 24, "javascript:alert(1)")], id="parentheses-in-the-target"),
        pytest.param("[x](a(b)", [(2, 8, "a(b")], id="a-group-left-open-ends-at-the-first-parenthesis"),
        pytest.param("[x](a b)", [], id="a-space-ends-nothing"),
        pytest.param("](](](", [], id="no-closing-parenthesis"),
        pytest.param("](x](y)](z)", [(0, 7, "x](y"), (7, 11, "z")], id="links-found-one-after-the-other"),
        pytest.param("[a](b)(c)", [(2, 6, "b")], id="the-shortest-target"),
    ],
)
def test_what_looks_like_a_link(text, links):
    assert list(any_links(text)) == links
    assert by_the_expression(text) == links


@settings(max_examples=2000, deadline=None)  # no timed test: a busy machine is no failure
@given(st.text(alphabet="](a )(x[\t\u00a0\x1c", max_size=30))
def test_the_scan_finds_what_the_expression_finds(text):
    assert list(any_links(text)) == by_the_expression(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("](" * 400_000, id="no-target-ever-closed"),
        pytest.param("](x" * 250_000, id="targets-never-closed"),
    ],
)
def test_check_reads_a_long_text_full_of_link_starts(tmp_path, text):
    content = content_folder(tmp_path)
    policy = TOY_POLICY.read_text(encoding="utf-8")
    situation = "situation: A small parcel with a device in good shape."
    (content / "policy.yaml").write_text(policy.replace(situation, f'situation: "{text}"'), encoding="utf-8")

    status, output = run_check(content)

    assert status == 0, output[:500]
    assert misuse(text) == []
