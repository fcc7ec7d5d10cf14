"""`python -m generator report`: the review in one file that opens anywhere and asks no other host for anything."""

from __future__ import annotations

import re

import pytest

from generator.cli import main
from support import LOCALES, diagram_boxes, html_text, locale_words, nu_errors
from support import run_cli as run


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "-o", str(path)]) == 0
    return path.read_text(encoding="utf-8")


def sections(html: str) -> dict[str, str]:
    """The section of each locale, by its tag."""
    found = re.findall(r'<section lang="([a-zA-Z-]+)".*?</section>', html, re.S)
    bodies = re.split(r'<section lang="[a-zA-Z-]+"', html)[1:]
    return dict(zip(found, bodies, strict=True))


def test_the_report_says_what_it_wrote(capsys, tmp_path):
    status, out, err = run(capsys, "report", "-o", str(tmp_path / "review.html"), "--locale", "fr-FR")

    assert (status, err) == (0, "")
    assert out.endswith(": the review of fr-FR\n")
    assert list(sections((tmp_path / "review.html").read_text(encoding="utf-8"))) == ["fr-FR"]


@pytest.mark.parametrize(("tag", "slug"), [(tag, slug) for tag, _, slug in LOCALES], ids=[t for t, *_ in LOCALES])
def test_the_report_shows_each_locale_whole(content, report, tag, slug):
    section = sections(report)[tag]
    text = " ".join(html_text(section).split())
    boxes = diagram_boxes(section)
    for wording in locale_words(content.policy, tag):
        assert " ".join(wording.split()) in text, wording
        assert " ".join(wording.split()) in boxes, f"not a box of the {tag} diagram: {wording}"
    assert f'aria-labelledby="review-diagram-label-{slug}"' in section


def test_the_report_fetches_nothing(report):
    """No script, no stylesheet or image to fetch, no link to the site's relative pages that would not exist."""
    assert "<script" not in report
    assert not re.search(r"<link\b|\bsrc=|url\(|@import", report)
    assert not re.findall(r'href="(?!https?://|#)[^"]*"', report)


def test_the_report_is_valid_html(report, tmp_path):
    (tmp_path / "report.html").write_text(report, encoding="utf-8")
    assert nu_errors(tmp_path, ["report.html"]) == {}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--locale", "xx-XX"], "error: not a published locale: xx-XX", id="unknown-locale"),
        pytest.param(
            ["-o", "docs"], "docs: error: is docs/, which the tool reads; write it elsewhere", id="output-is-the-pages"
        ),
    ],
)
def test_a_report_that_cannot_be_written_says_why(capsys, project, args, message):
    status, out, err = run(capsys, "report", *args)

    assert (status, out) == (1, "")
    assert message in err
    assert not (project / "report.html").exists()


def test_broken_content_writes_no_report(capsys, project):
    policy = project / "content/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("outcome: free-return", "outcome: free-retrun", 1))

    status, out, err = run(capsys, "report")

    assert (status, out) == (1, "")
    assert "content/policy.yaml:" in err
    assert "free-retrun" in err
    assert not (project / "report.html").exists()
