"""Nothing is retranslated for nothing: an id renamed in the real policy keeps every translation of its texts.

Each case renames one id of ``content/policy.yaml`` (with every reference to it), keeps its English, and runs
``i18n update``: in every locale, the translations follow to the new contexts, current. A text whose English
lands in another role (another outcome's body, another question's hint) is carried too, but marked fuzzy with
the same English as previous, for a translator to check it fits there (decision 37).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.i18n.catalogs import read_catalog
from generator.i18n.places import ID_LISTS, Places, kind
from support import ROOT
from support import run_cli as run

TRANSLATED = ["fr-FR", "de-DE", "es-ES", "it-IT"]


@dataclass(frozen=True)
class Rename:
    #: The id, replaced where the YAML names an id (never in a text: the test checks the English is the same).
    old_id: str
    new_id: str
    #: The place of its texts before and after.
    old_place: str
    new_place: str
    #: One French translation that must follow, by its context below the new place, as the catalog had it.
    french: tuple[str, str]


RENAMES = [
    pytest.param(
        Rename(
            "rooted",
            "rooted-device",
            "trade-in/questions/device-status/answers/rooted/",
            "trade-in/questions/device-status/answers/rooted-device/",
            ("text", "Oui\u00a0: appareil rooté"),
        ),
        id="answer",
    ),
    pytest.param(
        Rename(
            "effort",
            "attempt",
            "trade-in/questions/effort/",
            "trade-in/questions/attempt/",
            ("text", "Avez-vous essayé de régler le problème\u00a0?"),
        ),
        id="question",
    ),
    pytest.param(
        Rename(
            "free-return",
            "returned-for-free",
            "trade-in/outcomes/free-return/",
            "trade-in/outcomes/returned-for-free/",
            ("title", "Le reconditionneur vous renvoie votre appareil gratuitement"),
        ),
        id="outcome",
    ),
    pytest.param(
        Rename(
            "flagged-device",
            "flagged",
            "trade-in/scenarios/flagged-device/",
            "trade-in/scenarios/flagged/",
            (
                "situation",
                "Le reconditionneur a identifié votre appareil comme contrefait, sur liste grise, sur liste noire ou "
                "rooté.",
            ),
        ),
        id="scenario",
    ),
    pytest.param(
        Rename(
            "label-steps",
            "return-label-steps",
            "trade-in/procedures/label-steps/",
            "trade-in/procedures/return-label-steps/",
            ("steps/create-shipment/title", "Créez un envoi sur le site de {carrier}"),
        ),
        id="procedure",
    ),
    pytest.param(
        Rename(
            "tablet",
            "tablet-computer",
            "trade-in/procedures/label-steps/steps/estimate-weight/body/1/table/rows/tablet/",
            "trade-in/procedures/label-steps/steps/estimate-weight/body/1/table/rows/tablet-computer/",
            ("cells/0", "Tablette"),
        ),
        id="table-row",
    ),
]


def _entries(path: Path) -> dict[str, tuple[str, bool, list[str]]]:
    """Each current entry of a catalog: its translation, whether it is fuzzy, its previous English."""
    catalog, problems = read_catalog(path)
    assert problems == []
    assert catalog is not None
    return {
        str(message.context): (str(message.string), message.fuzzy, list(message.previous_id or []))
        for message in catalog
        if message.id
    }


@pytest.mark.parametrize("rename", RENAMES)
def test_a_renamed_id_keeps_its_translations_current_in_every_locale(capsys, project, rename):
    locales = project / "content/locales"
    before = {tag: _entries(locales / f"{tag}.po") for tag in TRANSLATED}
    policy = project / "content/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(_id_renamed(text, rename.old_id, rename.new_id), encoding="utf-8")
    english = _english(locales / "messages.pot")

    status, out, err = run(capsys, "i18n", "update")

    assert (status, err) == (0, "")
    assert sorted(_english(locales / "messages.pot").values()) == sorted(english.values())
    for tag in TRANSLATED:
        moving = {
            context.removeprefix(rename.old_place): string
            for context, (string, fuzzy, _) in before[tag].items()
            if context.startswith(rename.old_place) and string and not fuzzy
        }
        assert moving  # the test renames something translated
        after = _entries(locales / f"{tag}.po")
        assert {place: after[rename.new_place + place] for place in moving} == {
            place: (string, False, []) for place, string in moving.items()
        }
        assert not [context for context in after if context.startswith(rename.old_place)]
        said = [line for line in out.splitlines() if line.startswith(f"content/locales/{tag}.po: ")]
        assert f"content/locales/{tag}.po: {len(moving)} translation" in "\n".join(said)
        assert "review" not in out
    place, french = rename.french
    assert _entries(locales / "fr-FR.po")[rename.new_place + place] == (french, False, [])
    # The English texts are the same, so nothing is left to translate.
    status, out, err = run(capsys, "i18n", "status")
    assert (status, err) == (0, "")
    assert [line for line in out.splitlines() if not line.startswith(" ")] == [
        line for line in out.splitlines() if not line.startswith(" ") and "0 stale, 0 missing" in line
    ]


@dataclass(frozen=True)
class Moved:
    #: The YAML cut from one place and pasted at another: (text, replacement) pairs applied in order.
    edits: tuple[tuple[str, str], ...]
    old_context: str
    new_context: str
    french: str


HINT = (
    "    hint: >-\n      When a refurbisher inspects a traded-in device, they tell you in your\n"
    "      messages if it failed one of their checks.\n"
)
CONTACT = (
    "      - >-\n        [Write to Customer Care](contact_form) and explain what happened with\n"
    "        your trade-in in as much detail as you can. We will get back to you as\n"
    "        soon as possible.\n"
)
TRACKING = (
    "      - >-\n        They give you a tracking number, so you can follow the parcel until it\n        reaches you.\n"
)


@pytest.mark.parametrize(
    "moved",
    [
        pytest.param(
            Moved(
                (
                    (HINT, ""),
                    (
                        "    text: Why wasn't your trade-in finalized?\n",
                        "    text: Why wasn't your trade-in finalized?\n" + HINT,
                    ),
                ),
                "trade-in/questions/device-status/hint",
                "trade-in/questions/reason/hint",
                "Lorsqu’un reconditionneur contrôle un appareil repris, il vous prévient dans vos messages si "
                "l’appareil ne passe pas l’un de ses tests.",
            ),
            id="a-hint-moved-to-another-question",
        ),
        pytest.param(
            Moved(
                ((TRACKING, ""), (CONTACT, CONTACT + TRACKING)),
                "trade-in/outcomes/free-return/body/1",
                "trade-in/outcomes/contact-support/body/1",
                "Il vous communique un numéro de suivi pour que vous puissiez suivre le colis jusqu’à sa livraison.",
            ),
            id="a-paragraph-moved-to-another-outcome",
        ),
    ],
)
def test_a_text_moved_to_another_role_is_carried_for_review(capsys, project, moved):
    locales = project / "content/locales"
    before = {tag: _entries(locales / f"{tag}.po") for tag in TRANSLATED}
    policy = project / "content/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    for old, new in moved.edits:
        assert text.count(old) == 1
        text = text.replace(old, new)
    policy.write_text(text, encoding="utf-8")
    english = {tag: _english(locales / f"{tag}.po")[moved.old_context] for tag in TRANSLATED}

    status, out, err = run(capsys, "i18n", "update")

    assert (status, err) == (0, "")
    for tag in TRANSLATED:
        string, fuzzy, _ = before[tag][moved.old_context]
        assert not fuzzy
        assert _entries(locales / f"{tag}.po")[moved.new_context] == (string, True, [english[tag]])
        assert f"content/locales/{tag}.po: 1 translation followed its text to a new place; 1 marked fuzzy" in out
    assert _entries(locales / "fr-FR.po")[moved.new_context][0] == moved.french


def _english(path: Path) -> dict[str, str]:
    """Each context of a catalog (or of the template) and its English."""
    catalog, _ = read_catalog(path)
    assert catalog is not None
    return {str(message.context): str(message.id) for message in catalog if message.id}


def _id_renamed(yaml: str, old: str, new: str) -> str:
    """``yaml`` with the id ``old`` written ``new`` wherever the policy names it: its ``id:``, a scenario's
    ``outcome:``, ``procedure:``, ``outcome:`` links, a ``when:`` key and its answer list, ``follows:``."""
    word = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    naming = re.compile(r"\s*(?:- )?(?:(?:id|outcome|procedure): [\w-]+|[\w-]+: \[[^]]*]|\{id: .*})\s*")
    lines = [word.sub(new, line) if naming.fullmatch(line) else line for line in yaml.split("\n")]
    renamed = "\n".join(lines).replace(f"(outcome:{old})", f"(outcome:{new})")
    assert renamed != yaml
    return renamed


#: The catalog before and the content now, for the table below: a policy ``p`` with two questions and an
#: outcome, then each row's own change.
BEFORE = ["p/questions/q/text", "p/questions/q/answers/a/text", "p/questions/r/hint", "p/outcomes/o/body/0"]


@pytest.mark.parametrize(
    ("old", "new", "now", "current"),
    [
        pytest.param(
            "p/questions/q/answers/a/text",
            "p/questions/q/answers/b/text",
            ["p/questions/q/text", "p/questions/q/answers/b/text"],
            True,
            id="answer-renamed",
        ),
        pytest.param(
            "p/questions/q/answers/a/text",
            "p/questions/s/answers/a/text",
            ["p/questions/s/text", "p/questions/s/answers/a/text"],
            True,
            id="its-question-renamed",
        ),
        pytest.param(
            "p/questions/q/answers/a/text",
            "p2/questions/q/answers/a/text",
            ["p2/questions/q/answers/a/text"],
            True,
            id="its-policy-renamed",
        ),
        pytest.param(
            "p/outcomes/o/body/0",
            "p/outcomes/o/body/3",
            ["p/outcomes/o/body/0", "p/outcomes/o/body/3"],
            True,
            id="a-block-further-down-its-body",
        ),
        pytest.param(
            "p/questions/q/answers/a/text",
            "p/outcomes/o/title",
            ["p/outcomes/o/title"],
            False,
            id="an-answer-becomes-an-outcome-title",
        ),
        pytest.param(
            "p/questions/q/text", "p/questions/q/hint", ["p/questions/q/hint"], False, id="a-question-becomes-its-hint"
        ),
        pytest.param(
            "p/questions/r/hint",
            "p/questions/q/hint",
            ["p/questions/q/hint", "p/questions/r/text"],
            False,
            id="a-hint-moved-to-a-question-that-was-there",
        ),
        pytest.param(
            "p/questions/q/answers/a/text",
            "p/questions/r/answers/a/text",
            ["p/questions/r/answers/a/text"],
            False,
            id="an-answer-moved-to-a-question-that-was-there",
        ),
        pytest.param(
            "p/questions/q/answers/a/text",
            "p/questions/s/answers/a/text",
            ["p/questions/q/text", "p/questions/s/answers/a/text"],
            False,
            id="an-answer-moved-away-from-a-question-still-there",
        ),
        pytest.param(
            "p/questions/q/answers/a/text",
            "other/questions/q/answers/a/text",
            ["p/questions/q/text", "other/questions/q/answers/a/text"],
            False,
            id="moved-to-another-policy",
        ),
        pytest.param(
            "p/outcomes/o/body/0",
            "p/outcomes/o/body/0/list/0",
            ["p/outcomes/o/body/0/list/0"],
            False,
            id="a-paragraph-becomes-a-list-item",
        ),
        pytest.param(
            "interface/units/day/one",
            "interface/units/business-day/one",
            ["interface/units/business-day/one"],
            False,
            id="another-unit",
        ),
    ],
)
def test_a_carried_translation_stays_current_only_where_its_place_was_renamed(old, new, now, current):
    assert Places([*BEFORE, "interface/units/day/one"], now).renamed(old, new) is current


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        pytest.param("trade-in/questions/effort/answers/tried/text", "POLICY/questions/*/answers/*/text", id="answer"),
        pytest.param("trade-in/article/title", "POLICY/article/title", id="article"),
        pytest.param(
            "trade-in/procedures/label-steps/steps/estimate-weight/body/1/table/rows/tablet/cells/0",
            "POLICY/procedures/*/steps/*/body/#/table/rows/*/cells/#",
            id="table-cell",
        ),
        pytest.param("help-center/categories/returns/title", "help-center/categories/*/title", id="shared-category"),
        pytest.param("interface/finder/change", "interface/finder/change", id="interface"),
    ],
)
def test_the_kind_of_a_text_is_its_context_without_ids_and_positions(context, expected):
    assert kind(context) == expected


def test_every_list_named_by_ids_in_the_schemas_is_known():
    """A new list of items with ids in a schema must join :data:`ID_LISTS`, or its renames would go to review."""
    found: set[str] = set()

    def walk(node: object, key: str) -> None:
        if isinstance(node, dict):
            items = node.get("items")
            if node.get("type") == "array" and isinstance(items, dict) and "id" in items.get("required", []):
                found.add(key)
            for name, value in node.items():
                walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value, key)

    for schema in ["policy.schema.json", "help-center.schema.json"]:
        walk(json.loads((ROOT / "content" / schema).read_text(encoding="utf-8")), "")
    assert found == ID_LISTS
