"""The general policy format: facts, links, blocks and procedures, refused where wrong and shown as each locale writes them.

The negative cases are one table: a change to the toy policy (``fixtures/toy/policy.yaml``) or to its
``help-center.yaml``, written as the text replaced and its replacement, and the lines ``check`` must print,
written by hand. A second test holds every expected position to the text it names in the changed file.
The positive cases render each kind of block and each type of fact, in English and in three other locales.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_check_rejects import TOY_POLICY, make_content, problems_found

from generator.content.locales import SiteLocale
from generator.helpcenter.folder import load_content
from generator.rendering.pages import build_pages
from support import html_tags, html_text

ROOT = Path(__file__).resolve().parent.parent
POLICY, SHARED = "policy.yaml", "help-center.yaml"

#: A step of the toy's procedure, the line every block case below replaces.
STEP_BODY = "          - Open the [shipment page](shipment_page).\n"
#: The toy's facts, the lines every fact case below adds to.
FACTS = "  free_return_delay: {type: duration, value: 2, unit: business-day}\n"
#: The body of the toy's first outcome.
REFUND_BODY = "      - Nothing to do. [Write to us](contact_form) if it takes longer.\n"

#: (file, text of the toy replaced, its replacement, the lines check prints). Written by hand.
FORMAT_ERRORS = [
    # Facts.
    pytest.param(
        POLICY, "within {free_return_delay}.", "within {free_return_dealy}.",
        ["policy.yaml:70:45: error: unknown placeholder {free_return_dealy} (did you mean 'free_return_delay'?); "
         "this text may use: {carrier}, {free_return_delay}, {max_questions}",
         "policy.yaml:8:3: error: fact 'free_return_delay' is used in no text: use it as {free_return_delay} in a "
         "text, or remove it"],
        id="fact-used-but-not-defined",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  restocking_fee: {type: money, value: 15, currency: EUR}\n",
        ["policy.yaml:9:3: error: fact 'restocking_fee' is used in no text: use it as {restocking_fee} in a text, "
         "or remove it"],
        id="fact-defined-but-not-used",
    ),
    pytest.param(
        SHARED, "categories:\n", "facts:\n  brand: {type: name, value: Acme}\ncategories:\n",
        ["help-center.yaml:6:3: error: fact 'brand' is used in no policy: use it as {brand} in a policy's text, "
         "or remove it"],
        id="shared-fact-used-by-no-policy",
    ),
    pytest.param(
        POLICY, "value: 2, unit: business-day}", "value: 2, unit: fortnight}",
        ["policy.yaml:8:55: error: facts.free_return_delay.unit must be one of: business-day, day, week, month, "
         "pound, kilogram"],
        id="unit-no-fact-has",
    ),
    pytest.param(
        POLICY, "value: 2, unit: business-day}", "value: 2, unit: pound}",
        ["policy.yaml:8:55: error: a duration has no unit 'pound'; its units are one of: business-day, day, week, "
         "month"],
        id="unit-of-another-type",
    ),
    pytest.param(
        POLICY, "{type: duration, value: 2, unit: business-day}", "{type: duration, value: 2}",
        ["policy.yaml:8:3: error: fact 'free_return_delay' is a duration: give its unit, one of: business-day, day, "
         "week, month"],
        id="duration-without-its-unit",
    ),
    pytest.param(
        POLICY, "value: 2, unit: business-day}", "value: 2.5, unit: business-day}",
        ["policy.yaml:8:46: error: facts.free_return_delay.value must be a whole number, not the number 2.5"],
        id="duration-not-whole",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  fee: {type: money, value: -5, currency: EUR}\n",
        ["policy.yaml:9:29: error: facts.fee.value must be 0 or more: a customer would read a negative amount",
         "policy.yaml:9:3: error: fact 'fee' is used in no text: use it as {fee} in a text, or remove it"],
        id="negative-money",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  fee: {type: money, value: 49.999, currency: USD}\n",
        ["policy.yaml:9:29: error: facts.fee.value has more decimal places than USD shows: customers would read it "
         "rounded. Write at most 2 decimal places",
         "policy.yaml:9:3: error: fact 'fee' is used in no text: use it as {fee} in a text, or remove it"],
        id="money-finer-than-cents",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  fee: {type: money, by_market: {us: {value: 49.5, currency: JPY}}}\n",
        ["policy.yaml:9:46: error: facts.fee.by_market.us.value has more decimal places than JPY shows: customers "
         "would read it rounded. Write a whole number",
         "policy.yaml:9:3: error: fact 'fee' is used in no text: use it as {fee} in a text, or remove it"],
        id="money-per-market-finer-than-its-currency",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  fee: {type: money, value: '12.50', currency: EUR}\n",
        ["policy.yaml:9:3: error: fact 'fee' is used in no text: use it as {fee} in a text, or remove it"],
        id="money-with-its-cents-is-fine",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  fee: {type: money, value: 5, currency: EUX}\n",
        ["policy.yaml:9:42: error: 'EUX' is not a currency code CLDR knows: write its ISO 4217 code, e.g. EUR or "
         "USD",
         "policy.yaml:9:3: error: fact 'fee' is used in no text: use it as {fee} in a text, or remove it"],
        id="unknown-currency",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  fee: {type: money, value: 5}\n",
        ["policy.yaml:9:3: error: fact 'fee' is money: give its currency, e.g. EUR or USD",
         "policy.yaml:9:3: error: fact 'fee' is used in no text: use it as {fee} in a text, or remove it"],
        id="money-without-its-currency",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  steps: {type: number, value: 3, currency: EUR}\n",
        ["policy.yaml:9:35: error: a number has no currency: remove it",
         "policy.yaml:9:3: error: fact 'steps' is used in no text: use it as {steps} in a text, or remove it"],
        id="currency-of-a-number",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  deadline: {type: date, value: '2025-02-30'}\n",
        ["policy.yaml:9:33: error: facts.deadline.value '2025-02-30' is not a day of the calendar: check the month "
         "and the day",
         "policy.yaml:9:3: error: fact 'deadline' is used in no text: use it as {deadline} in a text, or remove it"],
        id="impossible-date",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  deadline: {type: date, value: 30/02/2025}\n",
        ["policy.yaml:9:33: error: facts.deadline.value must be a date written YYYY-MM-DD, not the text "
         "'30/02/2025'",
         "policy.yaml:9:3: error: fact 'deadline' is used in no text: use it as {deadline} in a text, or remove it"],
        id="date-not-iso",
    ),
    pytest.param(
        POLICY, "{type: name, value: UPS}", "{type: name, value: UPS, by_market: {us: UPS}}",
        ["policy.yaml:7:3: error: fact 'carrier' needs either value: (the same in every market) or by_market: (one "
         "value per market), not both"],
        id="value-and-by-market",
    ),
    pytest.param(
        POLICY, "{type: name, value: UPS}", "{type: name, by_market: {fr: UPS}}",
        ["policy.yaml:7:37: error: unknown market 'fr': the markets are those of help-center.yaml",
         "policy.yaml:7:25: error: fact 'carrier' has no value for the market 'us', which a published locale "
         "reads: add it under by_market:"],
        id="by-market-without-a-published-market",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  max_questions: {type: number, value: 3}\n",
        ["policy.yaml:9:3: error: {max_questions} is worked out by the build (the most questions the finder asks): "
         "give this fact another name",
         "policy.yaml:9:3: error: fact 'max_questions' is used in no text: use it as {max_questions} in a text, or "
         "remove it"],
        id="fact-named-like-a-built-in-value",
    ),
    pytest.param(
        POLICY, FACTS, FACTS + "  contact_form: {type: name, value: Acme}\n",
        ["policy.yaml:9:3: error: 'contact_form' names a fact and a link: give one of them another name, so a "
         "text says which it means",
         "policy.yaml:9:3: error: fact 'contact_form' is used in no text: use it as {contact_form} in a text, or "
         "remove it"],
        id="fact-named-like-a-link",
    ),
    pytest.param(
        SHARED, "categories:\n", "facts:\n  carrier: {type: name, value: UPS}\ncategories:\n",
        ["policy.yaml:7:3: error: fact 'carrier' is already defined in help-center.yaml (line 6) for every policy: "
         "remove it here, or give it another name"],
        id="policy-fact-redefines-a-shared-one",
    ),
    # Links.
    pytest.param(
        POLICY, "  contact_form: https://example.com/contact\n",
        "  contact_form: https://example.com/contact\n  returns_page: https://example.com/returns\n",
        ["policy.yaml:12:3: error: link 'returns_page' is used in no text: use it as [words](returns_page) in a "
         "text, or remove it"],
        id="link-defined-but-not-used",
    ),
    pytest.param(
        POLICY, "  contact_form: https://example.com/contact\n",
        "  contact_form: {by_market: {fr: https://example.com/contact}}\n",
        ["policy.yaml:11:30: error: unknown market 'fr': the markets are those of help-center.yaml",
         "policy.yaml:11:18: error: link 'contact_form' has no value for the market 'us', which a published locale "
         "reads: add it under by_market:"],
        id="link-without-a-published-market",
    ),
    pytest.param(
        POLICY, REFUND_BODY, REFUND_BODY + "      - See [the repair](toy/outcome:repiar) or [another](other/article).\n",
        ["policy.yaml:73:26: error: unknown link target 'toy/outcome:repiar' (did you mean 'toy/outcome:repair'?)",
         "policy.yaml:73:59: error: unknown link target 'other/article' (did you mean 'toy/article'?)"],
        id="unknown-page-of-a-policy",
    ),
    # Blocks.
    pytest.param(
        POLICY, STEP_BODY, "          - lst: [Sender, Recipient]\n",
        ["policy.yaml:20:13: error: unknown block 'lst' in procedures[label-steps].steps[buy-label].body[0] (did "
         "you mean 'list'?); a block is a text or one of: heading, list, note, numbered, procedure, table"],
        id="unknown-block",
    ),
    pytest.param(
        POLICY, STEP_BODY, STEP_BODY + "          - {heading: Sender, list: [Recipient]}\n",
        ["policy.yaml:21:13: error: a block is a text or one of: heading, list, note, numbered, procedure, table; "
         "this one is heading and list: make it two blocks"],
        id="two-blocks-in-one",
    ),
    pytest.param(
        POLICY, STEP_BODY, STEP_BODY + "          - {heading: Sender, kind: tip}\n",
        ["policy.yaml:21:31: error: kind: goes with a note, not with a heading: remove it"],
        id="kind-without-a-note",
    ),
    pytest.param(
        POLICY, STEP_BODY, STEP_BODY + "          - {note: Keep the receipt., kind: danger}\n",
        ["policy.yaml:21:45: error: procedures[label-steps].steps[buy-label].body[1].kind must be one of: info, "
         "tip, warning"],
        id="note-of-an-unknown-kind",
    ),
    pytest.param(
        POLICY, STEP_BODY,
        STEP_BODY + "          - table: {caption: Sizes, columns: [Parcel, Size], rows: [{id: small, cells: [Small]}, "
        "{id: small, cells: [Big, Large]}]}\n",
        ["policy.yaml:21:88: error: row 'small' has 1 cell, but the table has 2 columns: give it one cell per "
         "column",
         "policy.yaml:21:103: error: duplicate row id 'small' in this table (first defined at line 21)"],
        id="table-row-with-too-few-cells-and-a-row-id-twice",
    ),
    # Procedures.
    pytest.param(
        POLICY, "      - procedure: label-steps\n", "      - procedure: label-step\n",
        ["policy.yaml:15:9: error: procedure 'label-steps' is shown nowhere: add `- procedure: label-steps` to the "
         "body of the outcome it explains, or remove it",
         "policy.yaml:78:20: error: unknown procedure 'label-step' (did you mean 'label-steps'?)"],
        id="unknown-procedure",
    ),
    pytest.param(
        POLICY, "      - procedure: label-steps\n", "",
        ["policy.yaml:15:9: error: procedure 'label-steps' is shown nowhere: add `- procedure: label-steps` to the "
         "body of the outcome it explains, or remove it"],
        id="procedure-never-shown",
    ),
    pytest.param(
        POLICY, STEP_BODY, STEP_BODY + "      - id: buy-label\n        title: Pay for it\n",
        ["policy.yaml:21:13: error: duplicate step id 'buy-label' (first defined at line 17): a step's id is its "
         "address on the page (#step-ID); give each step its own"],
        id="two-steps-with-one-id",
    ),
    pytest.param(
        POLICY, STEP_BODY, STEP_BODY + "          - procedure: label-steps\n",
        ["policy.yaml:21:24: error: a step cannot show a procedure: write its steps here, or show both procedures "
         "one after the other where the outcome needs them"],
        id="procedure-inside-a-step",
    ),
    # Outcomes and the policy.
    pytest.param(
        POLICY, "    title: Send the device to repair\n", "    title: We refund you\n",
        ["policy.yaml:74:12: error: outcome 'repair' has the same title as outcome 'refund' (line 69): customers "
         "could not tell them apart; word them differently"],
        id="two-outcomes-with-one-title",
    ),
    pytest.param(
        POLICY, "    title: Send the device to repair\n", "    title: we  refund YOU\n",
        ["policy.yaml:74:12: error: outcome 'repair' has the same title as outcome 'refund' (line 69): customers "
         "could not tell them apart; word them differently"],
        id="two-outcome-titles-apart-only-in-case-and-spaces",
    ),
    pytest.param(
        POLICY, "  - id: small-fine\n", "  - id: refund\n",
        ["policy.yaml:42:9: error: the article page already has #refund, for the outcome 'refund' (line 68): a link "
         "to this scenario would land there. Give the scenario another id"],
        id="scenario-with-an-outcomes-anchor",
    ),
    pytest.param(
        POLICY, "  - id: repair\n", "  - id: help\n",
        ["policy.yaml:52:14: error: unknown outcome 'repair'",
         "policy.yaml:64:14: error: unknown outcome 'repair'",
         "policy.yaml:73:9: error: the article page already has #help, for its “Still need help?” section: a link "
         "to this outcome would land there. Give the outcome another id"],
        id="outcome-with-the-pages-own-anchor",
    ),
    pytest.param(
        POLICY, "category: returns\n", "category: retuns\n",
        ["policy.yaml:3:11: error: unknown category 'retuns' (did you mean 'returns'?): the categories are those of "
         "help-center.yaml (returns)"],
        id="unknown-category",
    ),
]  # fmt: skip


def changed_content(folder: Path, file: str, old: str, new: str) -> Path:
    """The toy content, with ``old`` replaced by ``new`` once in ``file``."""
    folder.mkdir(parents=True, exist_ok=True)
    make_content(folder, TOY_POLICY)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("file", "old", "new", "expected"), FORMAT_ERRORS)
def test_a_policy_format_error_is_refused_at_its_line(check, tmp_path, file, old, new, expected):
    status, out, err = check(changed_content(tmp_path / "content", file, old, new))

    assert (status, out) == (1, "")
    assert err.splitlines() == [*(f"content/{line}" for line in expected), problems_found(len(expected))]


@pytest.mark.parametrize(("file", "old", "new", "expected"), FORMAT_ERRORS)
def test_each_expected_position_is_in_the_changed_file(tmp_path, file, old, new, expected):
    """The hand-written positions hold to the files: each names a line and column with something written there."""
    folder = changed_content(tmp_path, file, old, new)
    for line in expected:
        name, number, column = line.split(": error: ")[0].split(":")
        rows = (folder / name).read_text(encoding="utf-8").split("\n")
        assert 1 <= int(number) <= len(rows), line
        row = rows[int(number) - 1]
        assert 1 <= int(column) <= len(row), line
        at = row[int(column) - 1 :]
        assert not at.startswith((" ", "- ")), f"{line}: points at a space or a list's dash in {row!r}"


# What each block and fact shows, in English and in other locales.

#: A policy that uses every kind of block and a fact of every type.
BLOCKS = """\
      - heading: What to bring
      - list: [Your receipt, The device]
      - numbered: [Pack it, Post it]
      - note: Keep the receipt until you are refunded.
        kind: warning
      - note: The post office weighs it for free.
      - table:
          caption: Fees
          columns: [Service, Price]
          rows:
            - {id: express, cells: [Express return, '{express_fee}']}
      - 'Ship before {deadline}, within {return_window}, at most {max_parcels} parcels of {parcel_weight} each.'
"""
ALL_FACTS = """\
  express_fee: {type: money, value: 129, currency: EUR}
  deadline: {type: date, value: 2025-03-31}
  return_window: {type: duration, value: 2, unit: week}
  max_parcels: {type: number, value: 1500}
  parcel_weight: {type: mass, value: 2.2, unit: pound}
"""


@pytest.fixture(scope="module")
def every_block(tmp_path_factory) -> Path:
    """The toy content, with a body of every block and a fact of every type, published in four locales."""
    folder = changed_content(tmp_path_factory.mktemp("blocks") / "content", POLICY, REFUND_BODY, REFUND_BODY + BLOCKS)
    policy = folder / POLICY
    text = policy.read_text(encoding="utf-8").replace(FACTS, FACTS + ALL_FACTS)
    policy.write_text(text.replace(STEP_BODY, STEP_BODY + "          - heading: Before you pay\n"), encoding="utf-8")
    shared = folder / SHARED
    shared.write_text(
        shared.read_text(encoding="utf-8").replace(
            "  us: {mass_unit: pound}\n", "  us: {mass_unit: pound}\n  eu: {mass_unit: kilogram}\n"
        ),
        encoding="utf-8",
    )
    published = "".join(f"  - tag: {tag}\n    market: {market}\n" for tag, market in LOCALES)
    (folder / "locales.yaml").write_text(f"source: en-US\npublished:\n{published}", encoding="utf-8")
    shutil.copyfile(ROOT / "content" / "locales.schema.json", folder / "locales.schema.json")
    # The interface's words are the real catalogs' (its units, its notes); the toy's own texts stay English.
    (folder / "locales").mkdir()
    for tag, _ in LOCALES[1:]:
        shutil.copyfile(ROOT / "content" / "locales" / f"{tag}.po", folder / "locales" / f"{tag}.po")
    return folder


LOCALES = [("en-US", "us"), ("fr-FR", "eu"), ("de-DE", "eu"), ("it-IT", "eu")]


#: A mass fact the toy's first outcome shows.
MASS_FACT = "  parcel_weight: {type: mass, value: 2.2, unit: pound}\n"


@pytest.mark.parametrize(
    ("shows_a_mass", "expected"),
    [
        pytest.param(False, [], id="no-mass-no-unit-needed"),
        pytest.param(
            True,
            ["content/policy.yaml:9:38: error: this mass is shown in market 'us', which help-center.yaml gives no "
             "unit of mass: write mass_unit: pound or mass_unit: kilogram under markets: for it",
             "1 problem found"],
            id="a-mass-shown-needs-its-markets-unit",
        ),
    ],
)  # fmt: skip
def test_a_market_needs_a_unit_of_mass_only_where_a_policy_shows_a_mass(check, tmp_path, shows_a_mass, expected):
    folder = changed_content(tmp_path / "content", SHARED, "  us: {mass_unit: pound}\n", "  us: {}\n")
    shared = folder / SHARED
    shared.write_text(shared.read_text(encoding="utf-8").replace("mass_rounding: {pound: 0.05, kilogram: 0.05}\n", ""))
    assert "mass" not in shared.read_text(encoding="utf-8")
    if shows_a_mass:
        policy = folder / POLICY
        text = policy.read_text(encoding="utf-8").replace(FACTS, FACTS + MASS_FACT)
        policy.write_text(text.replace("Nothing to do.", "Nothing to do. Pack {parcel_weight} at most."), "utf-8")

    status, _, err = check(folder)

    assert status == (1 if expected else 0)
    assert err.splitlines() == expected


def refund_html(folder: Path, tag: str, market: str) -> str:
    content = load_content(folder, catalogs_required=False)
    pages = {page.directory: page for page in build_pages(content, SiteLocale(tag, market))}
    html = pages["toy-article"].html
    start = html.index('<div class="outcome" data-outcome-body="refund">')
    return html[start : html.index("</section>", start)]


def test_every_block_renders_as_its_html(every_block):
    html = refund_html(every_block, "en-US", "us")
    tags = [tag for tag, _ in html_tags(html)]

    assert "<h3>What to bring</h3>" in html
    assert re.search(r"<ul class=\"policy-list\">\s*<li>Your receipt</li>\s*<li>The device</li>\s*</ul>", html)
    assert re.search(r"<ol class=\"policy-list\">\s*<li>Pack it</li>\s*<li>Post it</li>\s*</ol>", html)
    assert re.search(
        r'<div class="admonition warning">\s*<p class="admonition-title">Warning</p>\s*'
        r"<p>Keep the receipt until you are refunded.</p>\s*</div>",
        html,
    )
    assert re.search(r'<div class="admonition note">\s*<p class="admonition-title">Note</p>', html)
    assert re.search(r"<caption>Fees</caption>", html)
    assert '<tr><th scope="col">Service</th><th scope="col">Price</th></tr>' in html
    assert '<tr data-row="express"><th scope="row">Express return</th><td>€129</td></tr>' in html
    assert tags.count("p") == 6  # the first and last paragraphs, and each note's title and text
    assert "h2" not in tags  # an outcome's sub-heading is an h3, under the outcome's h2
    assert "h4" not in tags


def test_a_procedures_steps_are_an_ordered_list_with_their_anchors(every_block):
    content = load_content(every_block, catalogs_required=False)
    html = next(
        page.html for page in build_pages(content, SiteLocale("en-US", "us")) if page.directory == "toy-article"
    )

    assert '<ol class="procedure" data-procedure="label-steps">' in html
    assert '<li class="procedure__step" id="step-buy-label">' in html
    assert "<h3>Step 1: Buy a label from UPS</h3>" in html
    assert "<h4>Before you pay</h4>" in html  # a step's sub-heading, under the step's h3


#: Per locale, the facts as it writes them: CLDR through Babel for numbers, amounts, dates and masses, the
#: interface's translated units for durations. Written by hand.
FACTS_SHOWN = [
    pytest.param("en-US", "us", ["€129", "March 31, 2025", "2 weeks", "1,500", "2.2 lb"], id="en-US"),
    pytest.param("fr-FR", "eu", ["129\xa0€", "31 mars 2025", "2 semaines", "1\u202f500", "1\u202fkg"], id="fr-FR"),
    pytest.param("de-DE", "eu", ["129\xa0€", "31. März 2025", "2 Wochen", "1.500", "1 kg"], id="de-DE"),
    pytest.param("it-IT", "eu", ["129\xa0€", "31 marzo 2025", "2 settimane", "1.500", "1 kg"], id="it-IT"),
]


@pytest.mark.parametrize(("tag", "market", "shown"), FACTS_SHOWN)
def test_every_type_of_fact_is_shown_as_the_locale_writes_it(every_block, tag, market, shown):
    text = html_text(refund_html(every_block, tag, market))

    for value in shown:
        assert value in text, f"{value!r} not in {text!r}"
    assert "duration-" not in text  # CLDR's unit names, which Babel gives Italian untranslated
    assert tag == "en-US" or "weeks" not in text


@pytest.mark.parametrize(
    ("amount", "currency", "tag", "shown"),
    [
        pytest.param("129", "USD", "en-US", "$129", id="whole-dollars"),
        pytest.param("9.5", "USD", "en-US", "$9.50", id="dollars-and-cents"),
        pytest.param("1299.90", "EUR", "fr-FR", "1\u202f299,90\xa0€", id="euros-and-cents-in-french"),
        pytest.param("1500", "JPY", "de-DE", "1.500\xa0¥", id="yen-have-no-decimals"),
    ],
)
def test_money_shows_decimals_only_when_it_has_some(amount, currency, tag, shown):
    from decimal import Decimal

    from generator.i18n.formatting import format_money

    assert format_money(Decimal(amount), currency, SiteLocale(tag)) == shown


#: Words of the trade-in policy that must never name a field, a placeholder or a code path of the generator.
TRADE_IN_WORDS = [
    "carrier", "label_step", "label-step", "labelstep", "device_weight", "deviceweight", "weights_table",
    "weight_column", "device_column", "weights_caption", "marketplace", "free_return", "label_return",
    "refurbisher", "trade-in", "trade_in", "shipment", "contact_form", "device-status", "delays",
]  # fmt: skip


def test_the_generator_and_the_schemas_know_no_trade_in_word():
    files = [*ROOT.joinpath("generator").rglob("*.py"), *ROOT.joinpath("generator").rglob("*.html")]
    files += [*ROOT.joinpath("generator").rglob("*.json"), *ROOT.joinpath("content").glob("*.schema.json")]
    found = [
        f"{path.relative_to(ROOT)}:{number}: {word}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for word in TRADE_IN_WORDS
        if word in line.lower()
    ]

    assert found == []


def test_the_word_test_finds_a_trade_in_word(tmp_path):
    """The test above can fail: a line with a trade-in word is found."""
    line = "    carrier = market.carrier"
    assert [word for word in TRADE_IN_WORDS if word in line.lower()] == ["carrier"]
