"""`python -m generator report`: the review of every policy in one file that opens anywhere and asks no other host
for anything."""

from __future__ import annotations

import re
import shutil
from html import unescape

import pytest

from generator.cli import main
from generator.helpcenter.folder import load_content
from support import EXAMPLE_DIR, LOCALES, diagram_boxes, edit_file, html_text, locale_words, nu_errors
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
    assert out.endswith(": the review of trade-in in fr-FR\n")
    assert list(sections((tmp_path / "review.html").read_text(encoding="utf-8"))) == ["fr-FR"]


@pytest.mark.parametrize("tag", [tag for tag, *_ in LOCALES])
def test_the_report_shows_each_locale_whole(content, report, tag):
    section = sections(report)[tag]
    text = " ".join(html_text(section).split())
    boxes = diagram_boxes(section)
    for wording in locale_words(content.policy, tag):
        assert " ".join(wording.split()) in text, wording
        assert " ".join(wording.split()) in boxes, f"not a box of the {tag} diagram: {wording}"
    assert_diagram_labelled_within(section)


def assert_diagram_labelled_within(section: str) -> None:
    """The section's diagram is described by an element of the same section."""
    label = re.search(r'<svg class="review-diagram"[^>]*aria-labelledby="([^"]+)"', section)
    assert label is not None, "the section has no diagram"
    assert f'<p id="{label.group(1)}">' in section


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


# The example help center (examples/help-center/): three policies, each in its own section.


@pytest.fixture(scope="module")
def example_report(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("example-report") / "report.html"
    assert main(["report", "--content", str(EXAMPLE_DIR), "-o", str(path)]) == 0
    return path.read_text(encoding="utf-8")


def inline_text(fragment: str) -> str:
    """The text of a fragment of HTML that holds only inline elements, as a reader sees it."""
    return unescape(re.sub(r"<[^>]*>", "", fragment))


def policy_sections(html: str) -> dict[str, str]:
    """The section of each policy, by the text of its heading, in the page's order."""
    chunks = re.split(r'<section class="report-policy"[^>]*>', html)[1:]
    return {inline_text(re.search(r"<h2[^>]*>(.*?)</h2>", chunk, re.S).group(1)): chunk for chunk in chunks}


#: Each policy of the example, in the help center's order (policy.yaml, then policies/ by name): its id, the heading
#: of its section (its article's title and its id), and the start of its proof's summary, counted by hand from its
#: file: its scenarios, its outcomes, and the product of the numbers of answers of its questions.
EXAMPLE_POLICIES = [
    pytest.param(
        "trade-in",
        "Get your device back after a trade-in that wasn't finalized (trade-in)",
        "policy.yaml: 8 scenarios, 4 outcomes, 60 answer combinations",  # 6 × 5 × 2 answers
        id="trade-in",
    ),
    pytest.param(
        "cancel-order",
        "Cancel an order (cancel-order)",
        "policies/cancel-order.yaml: 4 scenarios, 3 outcomes, 6 answer combinations",  # 3 × 2 answers
        id="cancel-order",
    ),
    pytest.param(
        "warranty",
        "Make a warranty claim (warranty)",
        "policies/warranty.yaml: 7 scenarios, 5 outcomes, 32 answer combinations",  # 2 × 2 × 4 × 2 answers
        id="warranty",
    ),
]


def test_the_example_report_has_a_section_per_policy_in_the_help_centers_order(example_report):
    headings = [param.values[1] for param in EXAMPLE_POLICIES]

    assert list(policy_sections(example_report)) == headings


@pytest.mark.parametrize(("policy_id", "heading", "summary"), EXAMPLE_POLICIES)
def test_the_example_report_shows_each_policys_proof(example_report, policy_id, heading, summary):
    section = policy_sections(example_report)[heading]
    shown = html_text(re.search(r'<p class="report-summary">(.*?)</p>', section, re.S).group(1))

    assert shown.startswith(f"{summary}: complete and unambiguous;"), shown


@pytest.mark.parametrize(("policy_id", "heading", "summary"), EXAMPLE_POLICIES)
def test_the_table_of_contents_leads_to_each_policys_section(example_report, policy_id, heading, summary):
    contents = re.search(r"<nav[^>]*>(.*?)</nav>", example_report, re.S).group(1)
    targets = {inline_text(text): target for target, text in re.findall(r'<a href="#([^"]+)">(.*?)</a>', contents)}
    target = targets[heading.removesuffix(f" ({policy_id})")]

    assert heading == inline_text(re.search(rf'<h2 id="{target}">(.*?)</h2>', example_report, re.S).group(1))


#: Each policy's facts and links, in the order of its table: the shared ones it uses (help-center.yaml's order),
#: then its own (its file's order). Read from the files by hand: the trade-in policy uses neither return_window nor
#: orders_page, cancel-order has none of its own.
EXAMPLE_VALUES = {
    "trade-in": (
        [
            *["marketplace", "carrier", "free_return_delay", "label_return_delay"],
            *["smartphone_weight", "tablet_weight", "laptop_weight", "console_weight"],
        ],
        ["messages", "contact_form", "shipment_page"],
    ),
    "cancel-order": (["marketplace", "return_window"], ["orders_page", "messages"]),
    "warranty": (
        [
            *["marketplace", "return_window", "warranty_length", "claim_answer_delay", "repair_delay"],
            *["refund_delay", "repair_fee"],
        ],
        ["orders_page", "messages", "contact_form", "warranty_terms"],
    ),
}
HEADINGS = {param.values[0]: param.values[1] for param in EXAMPLE_POLICIES}


@pytest.mark.parametrize("policy_id", list(EXAMPLE_VALUES))
def test_the_example_report_shows_the_facts_and_links_each_policy_shows(example_report, policy_id):
    section = policy_sections(example_report)[HEADINGS[policy_id]]
    facts, links = EXAMPLE_VALUES[policy_id]

    assert list(values_table(section, FACTS)) == facts
    assert list(values_table(section, LINKS)) == links


# (policy, table, row, column, the cell), from the example's files by hand: the repair fee as each market's customers
# read it (help-center.yaml's markets, warranty.yaml's by_market), a shared duration in German, the files.
@pytest.mark.parametrize(
    ("policy_id", "caption", "name", "column", "cell"),
    [
        pytest.param("warranty", FACTS, "repair_fee", "en-US (us)", "$49", id="fee-en-US"),
        pytest.param("warranty", FACTS, "repair_fee", "fr-FR (fr)", "45\u00a0€", id="fee-fr-FR"),
        pytest.param("warranty", FACTS, "repair_fee", "de-DE (de)", "45\u00a0€", id="fee-de-DE"),
        pytest.param("warranty", FACTS, "repair_fee", "es-ES (es)", "39,90\u00a0€", id="fee-es-ES"),
        pytest.param("warranty", FACTS, "repair_fee", "it-IT (it)", "39,90\u00a0€", id="fee-it-IT"),
        pytest.param("warranty", FACTS, "repair_fee", "Defined in", "policies/warranty.yaml", id="fee-file"),
        pytest.param("warranty", FACTS, "warranty_length", "it-IT (it)", "12 mesi", id="warranty-length-it-IT"),
        pytest.param("warranty", FACTS, "return_window", "de-DE (de)", "30 Tage", id="shared-fact-de-DE"),
        pytest.param("warranty", FACTS, "return_window", "Defined in", "help-center.yaml", id="shared-fact-file"),
        pytest.param("cancel-order", FACTS, "return_window", "es-ES (es)", "30 días", id="shared-fact-again"),
        pytest.param("trade-in", FACTS, "carrier", "Defined in", "policy.yaml", id="main-policy-file"),
        pytest.param(
            "warranty", LINKS, "warranty_terms", "de", "https://www.refurbmarket.example/de-de/legal/warranty",
            id="warranty-terms-de",
        ),
        pytest.param(
            "warranty", LINKS, "warranty_terms", "Defined in", "policies/warranty.yaml", id="warranty-terms-file"
        ),
        pytest.param(
            "cancel-order", LINKS, "orders_page", "it", "https://www.refurbmarket.example/account/orders",
            id="shared-link",
        ),
    ],
)  # fmt: skip
def test_the_example_report_shows_each_policys_values(example_report, policy_id, caption, name, column, cell):
    section = policy_sections(example_report)[HEADINGS[policy_id]]

    assert values_table(section, caption)[name][column] == cell


@pytest.fixture(scope="module")
def example_content():
    return load_content(EXAMPLE_DIR)


@pytest.mark.parametrize("policy_id", list(HEADINGS))
@pytest.mark.parametrize("tag", [tag for tag, *_ in LOCALES])
def test_the_example_report_shows_each_policy_in_each_locale(example_report, example_content, policy_id, tag):
    section = sections(policy_sections(example_report)[HEADINGS[policy_id]])[tag]
    text = " ".join(html_text(section).split())
    for wording in locale_words(example_content.at(policy_id).policy, tag, EXAMPLE_DIR / "locales"):
        for words in re.split(r"\{\w+\}", wording):  # around a fact, whose value the values table checks
            assert " ".join(words.split()) in text, wording
    assert_diagram_labelled_within(section)


def test_a_report_of_one_locale_shows_every_policy_in_it(capsys, tmp_path):
    path = tmp_path / "report.html"
    status, out, err = run(capsys, "report", "--content", str(EXAMPLE_DIR), "-o", str(path), "--locale", "de-DE")
    html = path.read_text(encoding="utf-8")

    assert (status, err) == (0, "")
    assert out.endswith(": the review of trade-in, cancel-order, warranty in de-DE\n")
    for heading, section in policy_sections(html).items():
        assert list(sections(section)) == ["de-DE"], heading
        assert list(values_table(section, FACTS)["marketplace"]) == ["Defined in", "de-DE (de)"], heading
    assert values_table(policy_sections(html)[HEADINGS["warranty"]], LINKS)["contact_form"] == {
        "Defined in": "help-center.yaml",
        "de": "https://help.refurbmarket.example/de-de/contact",
    }


def test_every_id_of_the_example_report_is_unique_and_every_reference_finds_one(example_report):
    ids = re.findall(r'\sid="([^"]*)"', example_report)
    referred = re.findall(r'aria-labelledby="([^"]*)"', example_report)
    referred += re.findall(r'href="#([^"]*)"', example_report)

    assert len(ids) > 3 * len(LOCALES) * 3  # per policy and locale: its heading, its table's, its diagram's label
    assert [name for name in ids if ids.count(name) > 1] == []
    assert sorted(set(referred) - set(ids)) == []


def test_the_report_fetches_nothing(report):
    """No script, no stylesheet or image to fetch, no link to the site's relative pages that would not exist."""
    assert "<script" not in report
    assert not re.search(r"<link\b|\bsrc=|url\(|@import", report)
    assert not re.findall(r'href="(?!https?://|#)[^"]*"', report)


def test_the_report_is_valid_html(report, example_report, tmp_path):
    (tmp_path / "report.html").write_text(report, encoding="utf-8")
    (tmp_path / "example-report.html").write_text(example_report, encoding="utf-8")
    assert nu_errors(tmp_path, ["report.html", "example-report.html"]) == {}


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


# A policy of the example broken, each way a check fails: (its file, the text changed, what it becomes, a word of the
# problem). Any one broken policy means no report at all.
BROKEN_POLICIES = [
    pytest.param(
        "policies/warranty.yaml", "outcome: paid-repair", "outcome: paid-repiar", "paid-repiar", id="unknown-outcome"
    ),
    pytest.param(
        "policies/cancel-order.yaml",
        "      order-status: [shipped]\n      items: [whole-order]",
        "      order-status: [not-shipped, shipped]\n      items: [whole-order]",
        "both cover order-status=not-shipped, items=whole-order",
        id="scenarios-overlap",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "problem"), BROKEN_POLICIES)
def test_a_help_center_with_a_broken_policy_writes_no_report(capsys, tmp_path, monkeypatch, file, old, new, problem):
    shutil.copytree(EXAMPLE_DIR, tmp_path / "content")
    edit_file(tmp_path / "content" / file, old, new)
    monkeypatch.chdir(tmp_path)

    status, out, err = run(capsys, "report", "--content", "content")

    assert (status, out) == (1, "")
    assert f"content/{file}:" in err
    assert problem in err
    assert err.endswith("1 problem found\n")
    assert not (tmp_path / "report.html").exists()
