"""A translation follows its English text to a new context: renaming an id never loses a translation.

``i18n update`` carries the translation of a context that vanished (a current entry whose place is gone,
or an obsolete ``#~`` one) to a new context with the very same English, when that is unambiguous. The
table below is each case on a small catalog; the last tests rename a question of the real content.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.catalog import Message

from generator.content.locales import SiteLocale
from generator.i18n.catalogs import catalog_text, read_catalog, update_catalog
from generator.i18n.messages import SourceMessage, messages_for
from generator.i18n.moves import Moves, find_moves
from generator.i18n.plural_entries import in_our_layout
from generator.i18n.shifts import realigned
from support import EXAMPLE_DIR
from support import run_cli as run

GERMAN = SiteLocale("de-DE")
TRANSLATED = ["fr-FR", "de-DE", "es-ES", "it-IT"]
HEADER = 'msgid ""\nmsgstr ""\n"Language: de_DE\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'


@dataclass(frozen=True)
class Old:
    """An entry of the catalog before the update."""

    context: str
    english: str
    translation: str
    fuzzy: bool = False
    obsolete: bool = False
    previous: str | None = None
    note: str | None = None

    def po(self) -> str:
        mark = "#~ " if self.obsolete else ""
        lines = [f"# {self.note}"] if self.note else []
        lines += ["#, fuzzy"] if self.fuzzy else []
        lines += [f'{"#~| " if self.obsolete else "#| "}msgid "{self.previous}"'] if self.previous else []
        lines += [
            f'{mark}msgctxt "{self.context}"',
            f'{mark}msgid "{self.english}"',
            f'{mark}msgstr "{self.translation}"',
        ]
        return "\n".join(lines) + "\n\n"


#: What an entry is after the update: translation, fuzzy, previous English, translator comments.
After = tuple[str | tuple[str, ...], bool, list[str], list[str]]


def done(
    translation: str | tuple[str, ...],
    fuzzy: bool = False,
    previous: str | tuple[str, ...] | None = None,
    note: str | None = None,
) -> After:
    """An entry after the update; ``previous``: the English its translation was made for (``#| msgid``, and of
    a text with a count ``#| msgid_plural``)."""
    made_for = list(previous) if isinstance(previous, tuple) else [previous] if previous else []
    return (translation, fuzzy, made_for, [note] if note else [])


@dataclass(frozen=True)
class Case:
    old: list[Old]
    #: The English of the content now: context → text (a text with a count: its singular and plural).
    now: dict[str, str | tuple[str, str]]
    #: Every current entry after the update.
    current: dict[str, After]
    #: The contexts of the obsolete entries after the update.
    obsolete: list[str]
    summary: str | None
    ambiguous: list[str]


YES_TWICE = [
    Old("policy/questions/a/answers/yes/text", "Yes", "Ja"),
    Old("policy/questions/b/answers/yes/text", "Yes", "Jawohl"),
]
YES_NOW = {"trade-in/questions/a/answers/yes/text": "Yes", "trade-in/questions/b/answers/yes/text": "Yes"}
#: A text with a count, in a catalog of one entry per form (as catalogs were): read as one plural entry.
DAYS = [
    Old("interface/units/day/one", "{count} day", "{count} Tag"),
    Old("interface/units/day/other", "{count} days", "{count} Tage"),
]
BUSINESS_DAYS = {"interface/units/business-day": ("{count} day", "{count} days")}

#: The summary of one translation carried to a text of another role.
REVIEWED_ONE = (
    "1 translation followed its text to a new place; 1 marked fuzzy for review, as the same English now has "
    "another role (another kind of text, or another question, outcome or policy)"
)

CASES = [
    pytest.param(
        Case(
            [Old("policy/questions/x/text", "Is it on?", "Ist es an?", note="keep it short")],
            {"trade-in/questions/x/text": "Is it on?"},
            {"trade-in/questions/x/text": done("Ist es an?", note="keep it short")},
            [],
            "1 translation followed its text to a new place",
            [],
        ),
        id="renamed-context-carried-with-its-translator-comment",
    ),
    pytest.param(
        Case(
            [Old("policy/label_steps/create-shipment/title", "Create the shipment", "Sendung anlegen")],
            {"trade-in/procedures/label-steps/steps/create-shipment/title": "Create the shipment"},
            {
                "trade-in/procedures/label-steps/steps/create-shipment/title": done(
                    "Sendung anlegen", True, "Create the shipment"
                )
            },
            [],
            REVIEWED_ONE,
            [],
        ),
        id="moved-into-another-kind-of-text-carried-for-review",
    ),
    pytest.param(
        Case(
            YES_TWICE,
            YES_NOW,
            {context: done("") for context in YES_NOW},
            ["policy/questions/a/answers/yes/text", "policy/questions/b/answers/yes/text"],
            None,
            [
                '"Yes" was translated differently at policy/questions/a/answers/yes/text and '
                "policy/questions/b/answers/yes/text, so no translation followed it to "
                "trade-in/questions/a/answers/yes/text and trade-in/questions/b/answers/yes/text: translate them "
                "there (the earlier translations stay below as #~ entries, to copy from; delete those when done)"
            ],
        ),
        id="ambiguous-not-carried-and-said",
    ),
    pytest.param(
        Case(
            [YES_TWICE[0], Old("policy/questions/b/answers/yes/text", "Yes", "Ja", obsolete=True)],
            YES_NOW,
            {context: done("Ja") for context in YES_NOW},
            [],
            "2 translations followed their text to a new place",
            [],
        ),
        id="same-translation-everywhere-carried-to-every-new-place",
    ),
    pytest.param(
        Case(
            [Old("policy/questions/a/text", "Why?", "Warum?", fuzzy=True, previous="Why not?"), *YES_TWICE[:1]],
            {"policy/questions/b/text": "Why?", "policy/questions/c/answers/yes/text": "Yes"},
            {
                "policy/questions/b/text": done("Warum?", True, "Why not?"),
                "policy/questions/c/answers/yes/text": done("Ja"),
            },
            [],
            "2 translations followed their text to a new place",
            [],
        ),
        id="fuzzy-stays-fuzzy-with-its-previous-english",
    ),
    pytest.param(
        Case(
            [Old("policy/questions/a/text", "Why?", "Warum?"), Old("policy/questions/gone/text", "Why?", "Wieso?")],
            {"policy/questions/a/text": "Why?", "policy/questions/b/text": "Why?"},
            {"policy/questions/a/text": done("Warum?"), "policy/questions/b/text": done("Wieso?")},
            [],
            "1 translation followed its text to a new place",
            [],
        ),
        id="a-context-that-still-exists-keeps-its-translation-and-is-no-source",
    ),
    pytest.param(
        Case(
            [
                Old(
                    "interface/finder/change_context",
                    "your answer to: {question}",
                    "deine Antwort auf: {question}",
                    obsolete=True,
                )
            ],
            {"trade-in/interface/finder/change_context": "your answer to: {question}"},
            {
                "trade-in/interface/finder/change_context": done(
                    "deine Antwort auf: {question}", True, "your answer to: {question}"
                )
            },
            [],
            REVIEWED_ONE,
            [],
        ),
        id="obsolete-source-carried-for-review-and-retired-for-good",
    ),
    pytest.param(
        Case(
            [Old("policy/outcomes/a/title", "Hi", "Hallo", fuzzy=True, obsolete=True, previous="Hello")],
            {"policy/outcomes/b/title": "Hi"},
            {"policy/outcomes/b/title": done("Hallo", True, "Hello")},
            [],
            "1 translation followed its text to a new place",
            [],
        ),
        id="fuzzy-obsolete-source-stays-fuzzy",
    ),
    pytest.param(
        Case(
            [Old("policy/a/text", "Hi", "Hallo", fuzzy=True, obsolete=True, previous="Hello")],
            {"policy/b/text": "Hi there"},
            {"policy/b/text": done("")},
            ["policy/a/text"],
            None,
            [],
        ),
        id="obsolete-not-carried-stays-obsolete-and-fuzzy",
    ),
    pytest.param(
        Case(
            [Old("policy/questions/x/text", "Is it on?", "Ist es an?")],
            {"trade-in/questions/x/text": "Is it on now?"},
            {"trade-in/questions/x/text": done("")},
            ["policy/questions/x/text"],
            None,
            [],
        ),
        id="nothing-carried-across-different-english",
    ),
    pytest.param(
        Case(
            [Old("policy/questions/x/text", "Is it on?", "")],
            {"trade-in/questions/x/text": "Is it on?"},
            {"trade-in/questions/x/text": done("")},
            ["policy/questions/x/text"],
            None,
            [],
        ),
        id="nothing-carried-from-an-untranslated-context",
    ),
    pytest.param(
        Case(
            DAYS,
            BUSINESS_DAYS,
            {
                "interface/units/business-day": done(
                    ("{count} Tag", "{count} Tage"), True, ("{count} day", "{count} days")
                )
            },
            [],
            REVIEWED_ONE,
            [],
        ),
        # A unit is named by its key: another key is another unit (a business day is not a day in German).
        id="plural-entry-carried-with-every-form-for-review",
    ),
    pytest.param(
        Case(
            DAYS,
            {"interface/units/business-day": ("{count} day", "{count} working days")},
            {"interface/units/business-day": done(("", ""))},
            ["interface/units/day"],
            None,
            [],
        ),
        id="plural-entry-moves-only-with-all-its-english",
    ),
    pytest.param(
        Case(
            [
                *DAYS,
                Old("interface/units/week/one", "{count} day", "{count} Tag"),
                Old("interface/units/week/other", "{count} days", "{count} Tage lang"),
            ],
            BUSINESS_DAYS,
            {"interface/units/business-day": done(("", ""))},
            ["interface/units/day", "interface/units/week"],
            None,
            [
                '"{count} day / {count} days" was translated differently at interface/units/day and '
                "interface/units/week, so no translation followed it to interface/units/business-day: translate it "
                "there (the earlier translations stay below as #~ entries, to copy from; delete those when done)"
            ],
        ),
        id="plural-entries-translated-differently-not-carried",
    ),
]

#: The blocks of a body are named by their positions: an insert, a removal or a swap renames those after it.
BODY = "policy/outcomes/o/body"
ASK, ASKED = "Ask the seller for a paid repair.", "Fragen Sie den Verkäufer nach einer Reparatur."
BLOCKS = [
    Old(f"{BODY}/0", "The warranty covers faults.", "Die Garantie deckt Mängel."),
    Old(f"{BODY}/1", ASK, ASKED, fuzzy=True, previous="Ask for a paid repair.", note="formal"),
    Old(f"{BODY}/2/heading", "What the fee covers", "Was die Pauschale deckt"),
    Old(f"{BODY}/3/list/0", "The diagnosis.", "Die Diagnose."),
    Old(f"{BODY}/3/list/1", "The repair work.", "Die Reparatur."),
]
PARAGRAPHS = [
    Old(f"{BODY}/0", "First.", "Erstens."),
    Old(f"{BODY}/1", "Second.", "Zweitens."),
    Old(f"{BODY}/2", "Third.", "Drittens."),
]
STEPS = [
    Old(f"{BODY}/0", "Do this:", "Tun Sie Folgendes:"),
    Old(f"{BODY}/1/numbered/0", "Open your orders.", "Öffnen Sie Ihre Bestellungen."),
    Old(f"{BODY}/1/numbered/1", "Pick the order.", "Wählen Sie die Bestellung."),
]
YES_AND_NO = [
    Old(f"{BODY}/0", "Yes", "Ja"),
    Old(f"{BODY}/1", "No", "Nein"),
    Old(f"{BODY}/2", "Yes", "Jawohl"),
]
AMBIGUOUS_YES = (
    '"Yes" was translated differently at {old}, so no translation followed it to {new}: translate {it} there '
    "(the earlier translations stay below as #~ entries, to copy from; delete those when done)"
)

BLOCK_CASES = [
    pytest.param(
        Case(
            BLOCKS,
            {
                f"{BODY}/0": "A new first paragraph.",
                f"{BODY}/1": "The warranty covers faults.",
                f"{BODY}/2": ASK,
                f"{BODY}/3/heading": "What the fee covers",
                f"{BODY}/4/list/0": "The diagnosis.",
                f"{BODY}/4/list/1": "The repair work.",
            },
            {
                f"{BODY}/0": done(""),
                f"{BODY}/1": done("Die Garantie deckt Mängel."),
                f"{BODY}/2": done(ASKED, True, "Ask for a paid repair.", "formal"),
                f"{BODY}/3/heading": done("Was die Pauschale deckt"),
                f"{BODY}/4/list/0": done("Die Diagnose."),
                f"{BODY}/4/list/1": done("Die Reparatur."),
            },
            [],
            "5 translations followed their text to a new place",
            [],
        ),
        id="paragraph-inserted-at-the-top-every-later-block-keeps-its-translation",
    ),
    pytest.param(
        Case(
            PARAGRAPHS,
            {f"{BODY}/0": "Second.", f"{BODY}/1": "Third."},
            {f"{BODY}/0": done("Zweitens."), f"{BODY}/1": done("Drittens.")},
            [f"{BODY}/0"],
            "2 translations followed their text to a new place",
            [],
        ),
        id="paragraph-removed-the-others-keep-theirs-its-own-kept-as-obsolete",
    ),
    pytest.param(
        Case(
            PARAGRAPHS,
            {f"{BODY}/0": "First.", f"{BODY}/1": "Third.", f"{BODY}/2": "Second."},
            {f"{BODY}/0": done("Erstens."), f"{BODY}/1": done("Drittens."), f"{BODY}/2": done("Zweitens.")},
            [],
            "2 translations followed their text to a new place",
            [],
        ),
        id="two-blocks-swapped-each-keeps-its-translation",
    ),
    pytest.param(
        Case(
            STEPS,
            {
                f"{BODY}/0": "Do this:",
                f"{BODY}/1/numbered/0": "Open your orders.",
                f"{BODY}/1/numbered/1": "Sign in.",
                f"{BODY}/1/numbered/2": "Pick the order.",
            },
            {
                f"{BODY}/0": done("Tun Sie Folgendes:"),
                f"{BODY}/1/numbered/0": done("Öffnen Sie Ihre Bestellungen."),
                f"{BODY}/1/numbered/1": done(""),
                f"{BODY}/1/numbered/2": done("Wählen Sie die Bestellung."),
            },
            [],
            "1 translation followed its text to a new place",
            [],
        ),
        id="list-item-inserted-the-items-after-it-keep-theirs",
    ),
    pytest.param(
        Case(
            YES_AND_NO,
            {f"{BODY}/0": "New.", f"{BODY}/1": "Yes", f"{BODY}/2": "No", f"{BODY}/3": "Yes"},
            {f"{BODY}/0": done(""), f"{BODY}/1": done(""), f"{BODY}/2": done("Nein"), f"{BODY}/3": done("")},
            [f"{BODY}/0", f"{BODY}/2"],
            "1 translation followed its text to a new place",
            [AMBIGUOUS_YES.format(old=f"{BODY}/0 and {BODY}/2", new=f"{BODY}/1 and {BODY}/3", it="them")],
        ),
        id="same-english-translated-differently-in-two-blocks-no-guess",
    ),
    pytest.param(
        Case(
            [YES_AND_NO[0], Old(f"{BODY}/1", "Yes", "Jawohl")],
            {f"{BODY}/0": "No", f"{BODY}/1": "Yes", f"{BODY}/2": "Yes"},
            {f"{BODY}/0": done(""), f"{BODY}/1": done("Jawohl"), f"{BODY}/2": done("")},
            [f"{BODY}/0"],
            None,
            [AMBIGUOUS_YES.format(old=f"{BODY}/0 and {BODY}/1", new=f"{BODY}/2", it="it")],
        ),
        id="a-block-that-still-holds-the-english-counts-with-the-others-no-guess",
    ),
    pytest.param(
        Case(
            [YES_AND_NO[0], Old(f"{BODY}/1", "Yes", "Ja")],
            {f"{BODY}/0": "No", f"{BODY}/1": "Yes", f"{BODY}/2": "Yes"},
            {f"{BODY}/0": done(""), f"{BODY}/1": done("Ja"), f"{BODY}/2": done("Ja")},
            [],
            "1 translation followed its text to a new place",
            [],
        ),
        id="same-english-translated-alike-in-two-blocks-carried",
    ),
    pytest.param(
        Case(
            PARAGRAPHS,
            {f"{BODY}/0": "New.", f"{BODY}/1": "First.", f"{BODY}/2": "Second, edited.", f"{BODY}/3": "Third."},
            {
                f"{BODY}/0": done(""),
                f"{BODY}/1": done("Erstens."),
                f"{BODY}/2": done("Zweitens.", True, "Second."),
                f"{BODY}/3": done("Drittens."),
            },
            [],
            "2 translations followed their text to a new place",
            [],
        ),
        id="paragraph-edited-while-one-is-inserted-is-stale-with-its-own-translation",
    ),
    pytest.param(
        Case(
            STEPS,
            {
                f"{BODY}/0": "Before you start:",
                f"{BODY}/1": "Do this:",
                f"{BODY}/2/numbered/0": "Open your orders.",
                f"{BODY}/2/numbered/1": "Pick your order.",
            },
            {
                f"{BODY}/0": done(""),
                f"{BODY}/1": done("Tun Sie Folgendes:"),
                f"{BODY}/2/numbered/0": done("Öffnen Sie Ihre Bestellungen."),
                f"{BODY}/2/numbered/1": done("Wählen Sie die Bestellung.", True, "Pick the order."),
            },
            [],
            "2 translations followed their text to a new place",
            [],
        ),
        id="list-item-edited-while-a-paragraph-is-inserted-above-its-list-is-stale",
    ),
    pytest.param(
        Case(
            PARAGRAPHS,
            {f"{BODY}/0": "First.", f"{BODY}/1": "Second, edited.", f"{BODY}/2": "Third."},
            {
                f"{BODY}/0": done("Erstens."),
                f"{BODY}/1": done("Zweitens.", True, "Second."),
                f"{BODY}/2": done("Drittens."),
            },
            [],
            None,
            [],
        ),
        id="paragraph-edited-in-place-is-stale-as-ever",
    ),
    pytest.param(
        Case(
            PARAGRAPHS,
            {f"{BODY}/0": "Second.", f"{BODY}/1": "First.", f"{BODY}/2": "Third, edited."},
            {
                f"{BODY}/0": done("Zweitens."),
                f"{BODY}/1": done("Erstens."),
                f"{BODY}/2": done("Drittens.", True, "Third."),
            },
            [],
            "2 translations followed their text to a new place",
            [],
        ),
        id="blocks-swapped-and-one-edited-at-its-place",
    ),
]


def _update(tmp_path: Path, case: Case, text: str) -> tuple[str, Moves]:
    """Update the catalog ``text`` to ``case.now``; return the catalog written and the moves."""
    path = tmp_path / "de-DE.po"
    path.write_text(text, encoding="utf-8")
    catalog, problems = read_catalog(path)
    assert problems == []
    assert catalog is not None
    sources = [
        SourceMessage(context, english, "a note", "content/policy.yaml", 1)
        if isinstance(english, str)
        else SourceMessage(context, english[0], "a note", "content/policy.yaml", 1, plural=english[1])
        for context, english in case.now.items()
    ]
    catalog = in_our_layout(catalog, GERMAN)  # as i18n update reads it
    moves = find_moves(catalog, messages_for(sources, GERMAN))
    return catalog_text(update_catalog(catalog, sources, GERMAN, moves)), moves


def _after(message: Message) -> After:
    string = message.string if isinstance(message.string, str) else tuple(message.string)
    return (string, message.fuzzy, list(message.previous_id or []), list(message.user_comments))


@pytest.mark.parametrize("case", CASES + BLOCK_CASES)
def test_a_translation_follows_its_english_to_a_new_context(tmp_path, case):
    written, moves = _update(tmp_path, case, HEADER + "".join(old.po() for old in case.old))

    (tmp_path / "read.po").write_text(written, encoding="utf-8")
    catalog, problems = read_catalog(tmp_path / "read.po")
    assert problems == []
    assert catalog is not None
    assert {message.context: _after(message) for message in catalog if message.id} == case.current
    assert sorted(message.context or "" for message in catalog.obsolete.values()) == case.obsolete
    assert (moves.summary(), [line.describe() for line in moves.ambiguous]) == (case.summary, case.ambiguous)
    # An obsolete entry that stays keeps what it had: flags, previous English, comments.
    kept = {old.context: done(old.translation, old.fuzzy, old.previous, old.note) for old in case.old}
    for stem in {old.context.rsplit("/", 1)[0] for old in case.old if old.context.startswith("interface/units/")}:
        kept[stem] = done(tuple(old.translation for old in case.old if old.context.rsplit("/", 1)[0] == stem))
    assert {message.context: _after(message) for message in catalog.obsolete.values()} == {
        context: kept[context] for context in case.obsolete
    }


@pytest.mark.parametrize("case", CASES + BLOCK_CASES)
def test_a_second_update_changes_nothing_and_carries_nothing(tmp_path, case):
    first, _ = _update(tmp_path, case, HEADER + "".join(old.po() for old in case.old))
    second, moves = _update(tmp_path, case, first)

    assert second == first
    assert moves.summary() is None
    # What could not be carried is still to do: it is said again until a translator does it.
    assert len(moves.ambiguous) == len(case.ambiguous)


@pytest.mark.parametrize(
    ("count", "said"),
    [
        pytest.param(0, None, id="none-says-nothing"),
        pytest.param(1, "1 translation followed its text to a new place", id="one"),
        pytest.param(12, "12 translations followed their text to a new place", id="several"),
    ],
)
def test_the_summary_counts_the_translations_that_moved(count, said):
    carried = {f"policy/{number}/text": Message("Yes", "Ja", context=f"old/{number}") for number in range(count)}
    assert Moves(carried, frozenset(), ()).summary() == said


B = "p/outcomes/o/body"


@pytest.mark.parametrize(
    ("before", "after", "edited", "open_places", "pairs"),
    [
        pytest.param(
            {f"{B}/0": "A", f"{B}/1": "B", f"{B}/2": "C"},
            {f"{B}/0": "N", f"{B}/1": "A", f"{B}/2": "B2", f"{B}/3": "C"},
            {f"{B}/1"},
            {f"{B}/0", f"{B}/2"},
            [(f"{B}/1", f"{B}/2")],
            id="edited-paragraph-goes-where-the-diff-puts-it",
        ),
        pytest.param(
            {f"{B}/0": "A", f"{B}/1/list/0": "x", f"{B}/1/list/1": "y"},
            {f"{B}/0": "N", f"{B}/1": "A", f"{B}/2/list/0": "x", f"{B}/2/list/1": "y2"},
            {f"{B}/1/list/1"},
            {f"{B}/0", f"{B}/2/list/1"},
            [(f"{B}/1/list/1", f"{B}/2/list/1")],
            id="edited-item-of-a-list-that-moved",
        ),
        pytest.param(
            {f"{B}/0": "A", f"{B}/1": "B"},
            {f"{B}/0": "N", f"{B}/1": "A", f"{B}/2/heading": "B2"},
            {f"{B}/1"},
            {f"{B}/0", f"{B}/2/heading"},
            [],
            id="a-paragraph-never-pairs-with-a-heading",
        ),
        pytest.param(
            {f"{B}/0": "A", f"{B}/1": "B"},
            {f"{B}/0": "A2", f"{B}/1": "B2"},
            {f"{B}/1"},
            {f"{B}/0", f"{B}/1"},
            [(f"{B}/1", f"{B}/1")],
            id="the-second-replaced-by-the-second-even-when-the-first-is-not-free",
        ),
        pytest.param(
            {"p/outcomes/x/body/0": "A"},
            {"p/outcomes/y/body/0": "A2"},
            {"p/outcomes/x/body/0"},
            {"p/outcomes/y/body/0"},
            [],
            id="another-body-is-another-list",
        ),
        pytest.param(
            {f"{B}/0": "A", f"{B}/1": "B"},
            {f"{B}/0": "N", f"{B}/1": "A", f"{B}/2": "B"},
            set(),
            {f"{B}/0"},
            [],
            id="nothing-edited-nothing-paired",
        ),
        pytest.param(
            {f"{B}/{number}": f"Step {number}." for number in range(12)},
            {f"{B}/0": "New.", **{f"{B}/{number + 1}": f"Step {number}." for number in range(12)}, f"{B}/10": "Ten."},
            {f"{B}/9"},
            {f"{B}/0", f"{B}/10"},
            [(f"{B}/9", f"{B}/10")],
            id="positions-counted-as-numbers-not-letters",
        ),
        pytest.param(
            {f"{B}/{number}": "Yes" if number % 2 else f"Step {number}." for number in range(400)},
            {
                f"{B}/0": "New.",
                **{f"{B}/{number + 1}": "Yes" if number % 2 else f"Step {number}." for number in range(400)},
                f"{B}/399": "Step 398, edited.",
            },
            {f"{B}/398"},
            {f"{B}/0", f"{B}/399"},
            [(f"{B}/398", f"{B}/399")],
            id="long-list-with-a-text-repeated-half-of-the-time",
        ),
    ],
)
def test_an_edited_text_of_a_list_that_moved_is_paired_with_its_new_place(before, after, edited, open_places, pairs):
    assert realigned(before, after, edited, open_places) == pairs


QUESTION = re.compile(r"(?<![\w-])device-status(?![\w-])")
OLD_PLACE, NEW_PLACE = "trade-in/questions/device-status/", "trade-in/questions/flag-status/"


def _translations(path: Path) -> dict[str, str]:
    catalog, problems = read_catalog(path)
    assert problems == []
    assert catalog is not None
    return {str(message.context): str(message.string) for message in catalog if message.id and message.string}


@pytest.mark.parametrize(
    ("reworded", "left_behind"),
    [
        pytest.param(None, [], id="renamed-question-keeps-every-translation"),
        pytest.param(
            ("text: Yes, as rooted", "text: Yes, it is rooted"),
            ["answers/rooted/text"],
            id="renamed-and-reworded-answer-is-not-carried",
        ),
    ],
)
def test_renaming_a_question_id_in_the_yaml_carries_its_translations(capsys, project, reworded, left_behind):
    locales = project / "content/locales"
    before = {tag: _translations(locales / f"{tag}.po") for tag in TRANSLATED}
    policy = project / "content/policy.yaml"
    text, renames = QUESTION.subn("flag-status", policy.read_text(encoding="utf-8"))
    assert renames > 1  # the question and the scenarios that read it
    if reworded:
        assert reworded[0] in text
        text = text.replace(*reworded)
    policy.write_text(text, encoding="utf-8")

    status, out, _ = run(capsys, "i18n", "update")

    assert status == 0
    for tag in TRANSLATED:
        moved = {
            context.removeprefix(OLD_PLACE): string
            for context, string in before[tag].items()
            if context.startswith(OLD_PLACE)
        }
        assert len(moved) >= 8  # the question, its hint and its six answers
        after = _translations(locales / f"{tag}.po")
        carried = {place: string for place, string in moved.items() if place not in left_behind}
        assert {place: after.get(NEW_PLACE + place) for place in moved} == {**carried, **dict.fromkeys(left_behind)}
        assert (
            f"content/locales/{tag}.po: {len(carried)} translations followed their text to a new place"
            in out.splitlines()
        )
        written = (locales / f"{tag}.po").read_text(encoding="utf-8")
        # Only what did not move stays behind, as an obsolete entry.
        assert re.findall(rf'^#~ msgctxt "{OLD_PLACE}(.*)"$', written, re.M) == left_behind

    again, out, _ = run(capsys, "i18n", "update")
    assert again == 0
    assert "followed" not in out


PAID_REPAIR = "warranty/outcomes/paid-repair/body/"


def test_a_paragraph_inserted_at_the_top_of_a_body_of_the_example_leaves_nothing_stale(capsys, tmp_path, monkeypatch):
    """The example's warranty policy: every block of the paid-repair body shifts by one, and keeps its translation."""
    content = tmp_path / "help-center"
    shutil.copytree(EXAMPLE_DIR, content)
    monkeypatch.chdir(tmp_path)
    locales = content / "locales"
    before = {tag: _translations(locales / f"{tag}.po") for tag in TRANSLATED}
    policy = content / "policies/warranty.yaml"
    text = policy.read_text(encoding="utf-8")
    body = text.index("    body:\n", text.index("  - id: paid-repair\n")) + len("    body:\n")
    policy.write_text(text[:body] + "      - Keep the box the device came in.\n" + text[body:], encoding="utf-8")

    status, out, err = run(capsys, "i18n", "--content", "help-center", "update")

    assert (status, err) == (0, "")
    for tag in TRANSLATED:
        blocks = {
            context.removeprefix(PAID_REPAIR): string
            for context, string in before[tag].items()
            if context.startswith(PAID_REPAIR)
        }
        assert len(blocks) == 9  # four paragraphs, a heading, a list of three, a note
        after = _translations(locales / f"{tag}.po")
        shifted = {_next_block(place): string for place, string in blocks.items()}
        assert {place: after.get(PAID_REPAIR + place) for place in [*shifted, "0"]} == {**shifted, "0": None}
        assert f"help-center/locales/{tag}.po: 9 translations followed their text to a new place" in out.splitlines()
    status, out, err = run(capsys, "i18n", "--content", "help-center", "status")
    assert (status, err) == (0, "")
    said = [line for line in out.splitlines() if not line.endswith("0 stale, 0 missing (100.0 %)")]
    assert [re.sub(r"\d+/\d+ translated|\(.*\)", "…", line) for line in said] == [
        line
        for tag in TRANSLATED
        for line in [f"{tag}: …, 0 stale, 1 missing …", "  warranty: …, 0 stale, 1 missing …"]
    ]


def _next_block(place: str) -> str:
    """The place of a block one further down its body: ``2/heading`` → ``3/heading``."""
    number, slash, rest = place.partition("/")
    return f"{int(number) + 1}{slash}{rest}"
