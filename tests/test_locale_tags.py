"""Locale tags are accepted in any letter case (``fr-fr``, as every site address writes it) and answered with
the canonical tag (``fr-FR``), by every command that takes one."""

from __future__ import annotations

import pytest
from test_i18n import NL_MARKET, add_market

from generator.helpcenter.folder import load_content
from generator.helpcenter.translate import resolve_locale
from support import run_cli as run


@pytest.mark.parametrize("tag", ["fr-fr", "FR-FR", "Fr-fR", "fr-FR"])
def test_status_list_takes_a_tag_in_any_case(capsys, project, tag):
    assert run(capsys, "i18n", "status", "--list", tag) == (
        0,
        "content/locales/fr-FR.po: every text is translated\n",
        "",
    )


@pytest.mark.parametrize(
    ("tag", "expected"), [("fr-fr", "fr-FR"), ("DE-de", "de-DE"), ("en-us", "en-US"), ("en-xa", "en-XA")]
)
def test_the_preview_and_build_resolve_a_tag_in_any_case(content, tag, expected):
    locale, _ = resolve_locale(content, tag)

    assert locale.tag == expected


@pytest.mark.parametrize("tag", ["nl-nl", "NL-NL", "nl-NL"])
def test_add_takes_a_tag_in_any_case_and_writes_the_canonical_one(capsys, project, tag):
    add_market(project, NL_MARKET)

    status, out, err = run(capsys, "i18n", "add", tag)

    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "content/locales.yaml: publishes nl-NL (market nl)"
    assert load_content(project / "content").locales.find("nl-NL").tag == "nl-NL"
    assert sorted(path.name for path in (project / "content/locales").glob("nl*")) == ["nl-NL.po"]


def test_add_of_a_published_locale_in_another_case_says_it_is_published(capsys, project):
    assert run(capsys, "i18n", "add", "fr-fr") == (
        1,
        "",
        "content/locales.yaml: error: fr-FR is already published\n1 problem found\n",
    )


def test_report_takes_a_tag_in_any_case(capsys, project):
    status, out, err = run(capsys, "report", "-o", "review.html", "--locale", "fr-fr", "--locale", "DE-DE")

    assert (status, out, err) == (0, "review.html: the review of trade-in in fr-FR, de-DE\n", "")


def test_build_takes_a_tag_in_any_case(capsys, project):
    status, out, err = run(capsys, "build", "--locale", "it-it")

    assert (status, err) == (0, "")
    assert "Built it-IT into site/" in out
    assert sorted(path.name for path in (project / "site").iterdir() if path.is_dir()) == ["it-it"]


@pytest.mark.parametrize("command", [["report", "-o", "review.html"], ["build"]])
def test_an_unknown_tag_is_still_one_line(capsys, project, command):
    status, _, err = run(capsys, *command, "--locale", "xx-yy")

    assert (status, err) == (1, "error: not a published locale: xx-yy\n")
