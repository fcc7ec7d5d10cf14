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


def values_table(html: str, caption: str) -> dict[str, dict[str, str]]:
    """The table of the report captioned ``caption``: per row's name, per column heading, the cell's text."""
    table = re.search(rf"<caption[^>]*>{caption}</caption>(.*?)</table>", html, re.S)
    assert table is not None, caption
    headings = [html_text(cell) for cell in re.findall(r'<th scope="col">(.*?)</th>', table.group(1), re.S)]
    rows = {}
    for row in re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", table.group(1), re.S):
        name, _, rest = row.partition("</th>")
        cells = [html_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", rest, re.S)]
        rows[html_text(name)] = dict(zip(headings[1:], cells, strict=True))
    return rows


FACTS, LINKS = "Facts, as each locale shows them", "Links, per market"


# (table, row, column, the cell), worked out by hand: 0.55 lb = 0.2495 kg, rounded to 0.05 kg.
@pytest.mark.parametrize(
    ("caption", "name", "column", "cell"),
    [
        pytest.param(FACTS, "free_return_delay", "en-US (us)", "2 business days", id="duration-en"),
        pytest.param(FACTS, "free_return_delay", "de-DE (de)", "2 Werktage", id="duration-de"),
        pytest.param(FACTS, "smartphone_weight", "en-US (us)", "0.55 lb", id="mass-in-pounds"),
        pytest.param(FACTS, "smartphone_weight", "fr-FR (fr)", "0,25\u202fkg", id="mass-in-kilograms"),
        pytest.param(FACTS, "carrier", "it-IT (it)", "UPS", id="name"),
        pytest.param(FACTS, "marketplace", "Defined in", "help-center.yaml", id="shared-fact"),
        pytest.param(FACTS, "carrier", "Defined in", "policy.yaml", id="policy-fact"),
        pytest.param(LINKS, "shipment_page", "fr", "https://www.ups.com/ship/guided/origin?loc=fr_FR", id="link"),
        pytest.param(LINKS, "contact_form", "us", "https://help.backmarket.com/hc/en-us/requests/new", id="shared-link"),
        pytest.param(LINKS, "messages", "Defined in", "help-center.yaml", id="link-file"),
    ],
)  # fmt: skip
def test_the_report_shows_each_fact_per_locale_and_each_link_per_market(report, caption, name, column, cell):
    assert values_table(report, caption)[name][column] == cell


def test_the_report_shows_every_fact_and_link_of_the_policy(report):
    facts = ["marketplace", "carrier", "free_return_delay", "label_return_delay"]
    facts += ["smartphone_weight", "tablet_weight", "laptop_weight", "console_weight"]
    assert list(values_table(report, FACTS)) == facts
    assert list(values_table(report, LINKS)) == ["contact_form", "messages", "shipment_page"]


def test_a_report_of_one_locale_shows_its_values_only(tmp_path):
    path = tmp_path / "report.html"
    assert main(["report", "-o", str(path), "--locale", "fr-FR"]) == 0
    html = path.read_text(encoding="utf-8")

    assert values_table(html, FACTS)["label_return_delay"] == {
        "Defined in": "policy.yaml",
        "fr-FR (fr)": "2 jours ouvrés",
    }
    assert values_table(html, LINKS)["messages"] == {
        "Defined in": "help-center.yaml",
        "fr": "https://www.backmarket.fr/fr-fr/dashboard/orders",
    }


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
