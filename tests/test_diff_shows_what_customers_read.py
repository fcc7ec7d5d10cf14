"""`diff` lists every change a customer would read, beside the rules: facts, links, markets, locales, texts.

Each case edits a copy of the real content the way an editor would and
compares it with the original; the expected lines are worked out by hand
(the masses with 1 lb = 0.45359237 kg, rounded half up to help-center.yaml's
step), never by the code under test.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli.diff_format import as_lines, compact, texts_count
from generator.helpcenter.compare import Comparison, PolicyComparison, TextChange
from generator.helpcenter.compare_values import MarketChange, ValueChange
from support import run_cli as run

#: An edit of the project's content folder.
Edit = Callable[[Path], None]

#: The sections of the text output that tell the values and texts a customer reads.
VALUES = ("Facts, as shown in English", "Links", "Markets", "Published locales")
ROUNDING = "Mass rounding (the masses it changes are under Facts)"


def replace(file: str, old: str, new: str) -> Edit:
    """Replace the first ``old`` of ``content/file`` with ``new`` (which must be there)."""

    def edit(content: Path) -> None:
        path = content / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def without_the_italian_market(content: Path) -> None:
    """Stop publishing it-IT and remove the market it reads, with every value given for it."""
    for name in ("help-center.yaml", "policy.yaml"):
        path = content / name
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\n *it: .*", "", text), encoding="utf-8")
    replace("locales.yaml", "  - tag: it-IT\n    market: it\n", "")(content)
    (content / "locales/it-IT.po").unlink()


def sections(out: str) -> dict[str, list[str]]:
    """The text output's sections, by heading (without its colon): each item, without its bullet."""
    found: dict[str, list[str]] = {}
    items: list[str] | None = None
    for line in out.splitlines():
        if line and not line.startswith(" ") and line.endswith(":"):
            items = found.setdefault(line.removesuffix(":"), [])
        elif line.startswith("  - ") and items is not None:
            items.append(line.removeprefix("  - "))
        else:
            items = None
    return found


DELAY = replace(
    "policy.yaml",
    "free_return_delay: {type: duration, value: 2,",
    "free_return_delay: {type: duration, value: 10,",
)
INSURANCE = [
    replace(
        "policy.yaml",
        "  carrier: {type: name, value: UPS}\n",
        "  carrier: {type: name, value: UPS}\n"
        "  insurance_fee: {type: money, currency: EUR, by_market: {us: 10, fr: 8, de: 8, es: 8, it: 8.5}}\n",
    ),
    replace("policy.yaml", "shipping insurance, so", "shipping insurance (about {insurance_fee}), so"),
]
INSURANCE_TEXT = (
    "trade-in/procedures/label-steps/steps/buy-insurance/body/0: "
    "“We recommend buying shipping insurance, so that you are …” → "
    "“We recommend buying shipping insurance (about {insurance_fee}), so that you are …”"
)

# (edits, the sections expected: heading → items). Every section not named must be absent.
CASES = [
    pytest.param(
        [DELAY],
        {VALUES[0]: ["free_return_delay: 2 business days → 10 business days"]},
        id="fact-value-in-every-market",
    ),
    pytest.param(
        [replace("policy.yaml", "carrier: {type: name, value: UPS}",
                 "carrier: {type: name, by_market: {us: FedEx, fr: UPS, de: UPS, es: UPS, it: UPS}}")],
        {VALUES[0]: ["carrier: UPS → FedEx (us)"]},
        id="fact-value-in-one-market",
    ),
    pytest.param(
        [replace("policy.yaml", "tablet_weight: {type: mass, value: 1.65,", "tablet_weight: {type: mass, value: 1.75,")],
        # 1.75 lb = 0.7938 kg → 0.8 kg; 1.65 lb = 0.7484 kg → 0.75 kg
        {VALUES[0]: ["tablet_weight: 1.65 lb → 1.75 lb (us)", "tablet_weight: 0.75 kg → 0.8 kg (fr, de, es, it)"]},
        id="mass-shown-in-each-market's-unit",
    ),
    pytest.param(
        INSURANCE,
        {
            VALUES[0]: ["added insurance_fee: €10 (us); €8 (fr, de, es); €8.50 (it)"],
            "English texts: 1 reworded": [INSURANCE_TEXT],
        },
        id="fact-added",
    ),
    pytest.param(
        [replace("policy.yaml", "  console_weight: {type: mass, value: 6, unit: pound}\n", ""),
         replace("policy.yaml", "                - {id: console, cells: [Game console, '{console_weight}']}\n", "")],
        {
            # 6 lb = 2.7216 kg → 2.7 kg
            VALUES[0]: ["removed console_weight: 6 lb (us); 2.7 kg (fr, de, es, it)"],
            "English texts: 2 removed": [
                "removed trade-in/procedures/label-steps/steps/estimate-weight/body/1/table/rows/console/cells/0: "
                "“Game console”",
                "removed trade-in/procedures/label-steps/steps/estimate-weight/body/1/table/rows/console/cells/1: "
                "“{console_weight}”",
            ],
        },
        id="fact-removed",
    ),
    pytest.param(
        [replace("policy.yaml", "fr: https://www.ups.com/ship/guided/origin?loc=fr_FR", "fr: https://www.ups.com/fr/")],
        {VALUES[1]: ["shipment_page: https://www.ups.com/ship/guided/origin?loc=fr_FR → https://www.ups.com/fr/ (fr)"]},
        id="link-address-in-one-market",
    ),
    pytest.param(
        [replace("help-center.yaml", "links:\n", "links:\n  insurers: https://www.example.org/insurers\n"),
         replace("policy.yaml", "buying shipping insurance,", "buying [shipping insurance](insurers),")],
        {
            VALUES[1]: ["added insurers: https://www.example.org/insurers"],
            "English texts: 1 reworded": [
                "trade-in/procedures/label-steps/steps/buy-insurance/body/0: “We recommend buying shipping insurance, "
                "so that you are …” → “We recommend buying [shipping insurance](insurers), so that you are …”"
            ],
        },
        id="link-added",
    ),
    pytest.param(
        [replace("help-center.yaml", "  de: {mass_unit: kilogram}", "  de: {mass_unit: pound}")],
        {
            VALUES[2]: ["de: masses in kilograms → pounds"],
            # 0.55 lb → 0.2495 kg → 0.25; 1.65 lb → 0.75 kg; 4.4 lb → 1.9958 kg → 2; 6 lb → 2.7 kg
            VALUES[0]: [
                "smartphone_weight: 0.25 kg → 0.55 lb (de)",
                "tablet_weight: 0.75 kg → 1.65 lb (de)",
                "laptop_weight: 2 kg → 4.4 lb (de)",
                "console_weight: 2.7 kg → 6 lb (de)",
            ],
        },
        id="market-mass-unit",
    ),
    pytest.param(
        [replace("help-center.yaml", "  it: {mass_unit: kilogram}\n", "  it: {mass_unit: kilogram}\n  nl: {mass_unit: kilogram}\n")],
        {VALUES[2]: ["added nl: masses in kilograms"]},
        id="market-added",
    ),
    pytest.param(
        [replace("help-center.yaml", "  it: {mass_unit: kilogram}\n", "  it: {mass_unit: kilogram}\n  nl: {}\n")],
        {VALUES[2]: ["added nl"]},
        id="market-added-without-a-unit-of-mass",
    ),
    pytest.param(
        [without_the_italian_market],
        {VALUES[2]: ["removed it"], VALUES[3]: ["removed it-IT (market it)"]},
        id="market-and-its-locale-removed",
    ),
    pytest.param(
        [replace("locales.yaml", "  - tag: it-IT\n", "  - tag: en-GB\n    market: de\n  - tag: it-IT\n")],
        {VALUES[3]: ["added en-GB (market de)"]},
        id="locale-added",
    ),
    pytest.param(
        [replace("help-center.yaml", "mass_rounding: {pound: 0.05, kilogram: 0.05}",
                 "mass_rounding: {pound: 0.05, kilogram: 0.1}")],
        {
            ROUNDING: ["kilogram: to the nearest 0.05 → 0.1"],
            # 0.2495 kg → 0.2; 0.7484 kg → 0.7; 1.9958 kg → 2 and 2.7216 kg → 2.7 do not move
            VALUES[0]: [
                "smartphone_weight: 0.25 kg → 0.2 kg (fr, de, es, it)",
                "tablet_weight: 0.75 kg → 0.7 kg (fr, de, es, it)",
            ],
        },
        id="mass-rounding",
    ),
    pytest.param(
        [replace("policy.yaml", "title: The refurbisher sends your device back for free", "title: Free return")],
        {
            "English texts: 1 reworded": [
                "trade-in/outcomes/free-return/title: “The refurbisher sends your device back for free” → “Free return”"
            ]
        },
        id="outcome-title",
    ),
    pytest.param(
        [replace("policy.yaml", "        within {label_return_delay}.", "        back within {label_return_delay}.")],
        {
            "English texts: 1 reworded": [
                "trade-in/outcomes/prepaid-label/body/2: “… must ship your device within {label_return_delay}.” → "
                "“… must ship your device back within {label_return_delay}.”"
            ]
        },
        id="long-text-shows-what-changed",
    ),
    pytest.param(
        [replace("policy.yaml", "[Smartphone, '{smartphone_weight}']", "[Smartphone, '{tablet_weight}']"),
         replace("policy.yaml", "[Tablet, '{tablet_weight}']", "[Tablet, '{smartphone_weight}']")],
        {
            "English texts: 2 reworded": [
                "trade-in/procedures/label-steps/steps/estimate-weight/body/1/table/rows/smartphone/cells/1: "
                "“{smartphone_weight}” → “{tablet_weight}”",
                "trade-in/procedures/label-steps/steps/estimate-weight/body/1/table/rows/tablet/cells/1: "
                "“{tablet_weight}” → “{smartphone_weight}”",
            ]
        },
        id="table-cell-that-is-only-a-fact",
    ),
    pytest.param(
        [replace("help-center.yaml", "title: Returns and trade-ins", "title: Returns")],
        {"English texts: 1 reworded": ["help-center/categories/returns/title: “Returns and trade-ins” → “Returns”"]},
        id="category-title",
    ),
    pytest.param(
        [replace("interface.yaml", "  title: Page not found", "  title: No such page")],
        {"English texts: 1 reworded": ["interface/not_found/title: “Page not found” → “No such page”"]},
        id="interface-text",
    ),
]  # fmt: skip


@pytest.fixture
def before(project: Path, tmp_path: Path) -> Path:
    """The content as it was, in a folder of its own."""
    folder = tmp_path / "before"
    shutil.copytree(project / "content", folder)
    return folder


@pytest.mark.parametrize(("edits", "expected"), CASES)
def test_each_change_a_customer_reads_is_listed(capsys, project, before, edits, expected):
    for edit in edits:
        edit(project / "content")

    status, out, err = run(capsys, "diff", str(before))

    assert (status, err) == (0, "")
    shown = {
        heading: items
        for heading, items in sections(out).items()
        if heading in (*VALUES, ROUNDING) or heading.startswith("English texts")
    }
    assert shown == expected
    assert "No change a customer would see" not in out
    assert "Every customer gets the same outcome as before (60 answer combinations)." in out.splitlines()


@pytest.mark.parametrize(
    "edits",
    [
        pytest.param([], id="nothing"),
        pytest.param([replace("policy.yaml", "id: trade-in\n", "id: trade-in  # the policy's id\n")], id="a-comment"),
        pytest.param(
            [replace("policy.yaml", "carrier: {type: name, value: UPS}",
                     "carrier: {type: name, by_market: {us: UPS, fr: UPS, de: UPS, es: UPS, it: UPS}}")],
            id="a-fact-given-per-market-with-the-same-value",
        ),
        pytest.param(
            [replace("policy.yaml", "laptop_weight: {type: mass, value: 4.4, unit: pound}",
                     "laptop_weight: {type: mass, value: 1.99580643, unit: kilogram}")],
            id="a-mass-in-another-unit-that-shows-the-same",  # 4.4 lb, in kg: still 2 kg and 4.4 lb
        ),
    ],
)  # fmt: skip
def test_no_change_a_customer_would_see(capsys, project, before, edits):
    for edit in edits:
        edit(project / "content")

    status, out, err = run(capsys, "diff", str(before))

    assert (status, err) == (0, "")
    assert out.splitlines()[1:] == [
        "",
        "No change a customer would see: the same outcomes (60 answer combinations), texts, facts, links, markets "
        "and locales.",
    ]


def test_json_and_markdown_list_the_same_changes(capsys, project, before):
    DELAY(project / "content")
    replace("policy.yaml", "fr: https://www.ups.com/ship/guided/origin?loc=fr_FR", "fr: https://www.ups.com/fr/")(
        project / "content"
    )

    status, out, _ = run(capsys, "diff", str(before), "--format", "json")
    everything = json.loads(out)
    [found] = everything["policies"]
    assert status == 0
    assert (found["id"], found["seen_by_customers"], everything["facts"]) == ("trade-in", True, [])
    assert found["facts"] == [
        {"name": "free_return_delay", "old": "2 business days", "new": "10 business days", "markets": []}
    ]
    assert found["links"] == [
        {
            "name": "shipment_page",
            "old": "https://www.ups.com/ship/guided/origin?loc=fr_FR",
            "new": "https://www.ups.com/fr/",
            "markets": ["fr"],
        }
    ]
    assert (everything["markets"], everything["mass_rounding"], everything["locales"]) == ([], [], [])
    assert everything["seen_by_customers"] is True

    status, out, _ = run(capsys, "diff", str(before), "--format", "markdown")
    assert status == 0
    assert "\n### Facts, as shown in English\n\n- `free_return_delay`: 2 business days → 10 business days\n" in out
    assert (
        "\n### Links\n\n- `shipment_page`: `https://www.ups.com/ship/guided/origin?loc=fr_FR` → "
        "`https://www.ups.com/fr/` (fr)\n"
    ) in out


def test_json_says_when_no_customer_sees_a_change(capsys, project, before):
    status, out, _ = run(capsys, "diff", str(before), "--format", "json")

    assert status == 0
    assert json.loads(out)["seen_by_customers"] is False


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("Short.", "Shorter.", ("Short.", "Shorter."), id="short-texts-whole"),
        pytest.param(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
            "one two three four five six seven EIGHT nine ten eleven twelve thirteen fourteen fifteen sixteen",
            ("… four five six seven eight nine ten eleven twelve …", "… four five six seven EIGHT nine ten eleven twelve …"),
            id="a-word-in-the-middle",
        ),
        pytest.param(
            "First words change here, and then a long tail of words follows that says the same thing in both",
            "Other words change here, and then a long tail of words follows that says the same thing in both",
            ("First words change here, and …", "Other words change here, and …"),
            id="at-the-start",
        ),
        pytest.param(
            "A long text whose very last word is the only one that changes between the two versions: before",
            "A long text whose very last word is the only one that changes between the two versions: after",
            ("… between the two versions: before", "… between the two versions: after"),
            id="at-the-end",
        ),
        pytest.param(
            "A long text that gains words at its end, while everything it said before stays as it was",
            "A long text that gains words at its end, while everything it said before stays as it was, and more",
            ("… before stays as it was", "… before stays as it was, and more"),
            id="words-added-at-the-end",
        ),
    ],
)  # fmt: skip
def test_a_long_text_is_shown_from_a_little_before_to_a_little_after_what_changed(old, new, expected):
    assert compact(old, new) == expected


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        pytest.param([("a", "b")], "1 reworded", id="one-reworded"),
        pytest.param([(None, "b"), ("a", "b"), (None, "c")], "1 reworded, 2 added", id="reworded-then-added"),
        pytest.param([("a", None), ("a", "b")], "1 reworded, 1 removed", id="removed-last"),
        pytest.param([("a", None)], "1 removed", id="only-removed"),
    ],
)
def test_the_texts_are_counted_by_kind_of_change(kinds, expected):
    assert texts_count([TextChange(f"c{index}", old, new) for index, (old, new) in enumerate(kinds)]) == expected


def test_several_policies_are_told_one_by_one_then_what_they_share():
    comparison = Comparison(
        policies=[
            PolicyComparison("trade-in", combinations=60, facts=[ValueChange("fee", "$49", "$59", ("us",))]),
            PolicyComparison("warranty", combinations=6),
        ],
        added_policies=["refunds"],
        markets=[MarketChange("nl", None, "kilogram")],
        texts=[TextChange("help-center/categories/returns/title", "Returns and trade-ins", "Returns")],
    )

    assert as_lines(comparison, "HEAD", "content") == [
        "What content changes, compared with HEAD",
        "",
        "Policies added:",
        "  - refunds",
        "",
        "Policy trade-in",
        "",
        "Every customer gets the same outcome as before (60 answer combinations).",
        "",
        "Facts, as shown in English:",
        "  - fee: $49 → $59 (us)",
        "",
        "Policy warranty",
        "",
        "No change a customer would see.",
        "",
        "Shared by every policy",
        "",
        "Markets:",
        "  - added nl: masses in kilograms",
        "",
        "English texts: 1 reworded:",
        "  - help-center/categories/returns/title: “Returns and trade-ins” → “Returns”",
    ]
    markdown = as_lines(comparison, "HEAD", "content", markdown=True)
    assert [line for line in markdown if line.startswith("#")] == [
        "## What content changes, compared with HEAD",
        "### Policies added",
        "### Policy `trade-in`",
        "#### Facts, as shown in English",
        "### Policy `warranty`",
        "### Shared by every policy",
        "#### Markets",
        "#### English texts: 1 reworded",
    ]


def test_a_policy_removed_is_a_change_customers_see():
    comparison = Comparison(policies=[PolicyComparison("trade-in", combinations=60)], removed_policies=["warranty"])

    assert comparison.seen_by_customers
    assert as_lines(comparison, "HEAD", "content")[1:] == [
        "",
        "Policies removed:",
        "  - warranty",
        "",
        "Policy trade-in",
        "",
        "No change a customer would see.",
    ]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        pytest.param(None, "kilogram", "added nl: masses in kilograms", id="added"),
        pytest.param(None, "", "added nl", id="added-without-a-unit"),
        pytest.param("pound", None, "removed nl", id="removed"),
        pytest.param("pound", "kilogram", "nl: masses in pounds → kilograms", id="unit-changed"),
        pytest.param("", "kilogram", "nl: no unit of mass → masses in kilograms", id="unit-given"),
        pytest.param("pound", "", "nl: masses in pounds → no unit of mass", id="unit-taken-away"),
    ],
)
def test_a_market_change_reads_as_the_editor_wrote_it(old, new, line):
    from generator.cli.diff_format import market_line
    from generator.helpcenter.compare_values import MarketChange

    assert market_line(MarketChange("nl", old, new)) == line
