"""A preview rebuild checks and proves again only the policies whose file changed, and always shows the edit.

What is worked out from a policy's document alone (its checks, its proof, its
ledger brought up to date, its messages) is kept under the document object,
which reading an unchanged file gives again (generator/content/reuse.py). An
edit, a broken edit and its fix, and an edit undone are each seen at once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.locales import SiteLocale
from generator.content.reuse import Kept, Same
from generator.helpcenter.folder import check_content, load_content
from generator.helpcenter.translate import localize
from support import EXAMPLE_DIR, edit_file, proofs_made

#: A title of each policy of the example help center, by policy and file.
TITLES = {
    "trade-in": ("policy.yaml", "title: You send the refurbisher a prepaid return label"),
    "warranty": ("policies/warranty.yaml", "title: The seller repairs your device for free"),
    "cancel-order": ("policies/cancel-order.yaml", "title: Refuse the parcel when it arrives"),
}


@pytest.fixture
def center(tmp_path) -> Path:
    """A copy of the example help center: the trade-in policy, warranty and cancel-order."""
    shutil.copytree(EXAMPLE_DIR, tmp_path / "content")
    return tmp_path / "content"


@pytest.fixture
def proofs(monkeypatch) -> list[str]:
    """The ids of the policies proven from now on (no proof is kept from before)."""
    return proofs_made(monkeypatch, lambda policy: policy.id)


def titles(content) -> dict[str, set[str]]:
    """The outcomes' titles of each policy."""
    return {checked.policy.id: {outcome.title for outcome in checked.policy.outcomes} for checked in content.policies}


@pytest.mark.parametrize("edited", ["trade-in", "warranty", "cancel-order"])
def test_an_edit_of_one_policy_proves_it_again_and_keeps_the_others(center, proofs, edited):
    first = load_content(center)
    assert sorted(proofs) == ["cancel-order", "trade-in", "warranty"]
    file, title = TITLES[edited]

    edit_file(center / file, title, "title: Edited in the preview")
    again = load_content(center)

    assert proofs[3:] == [edited]
    assert "Edited in the preview" in titles(again)[edited]
    assert "Edited in the preview" not in titles(first)[edited]
    for before, after in zip(first.policies, again.policies, strict=True):
        assert (after is before) == (after.policy.id != edited), after.policy.id


def test_an_edit_undone_shows_the_first_text_again(center, proofs):
    file, title = TITLES["warranty"]
    original = (center / file).read_text(encoding="utf-8")
    load_content(center)
    edit_file(center / file, title, "title: Edited in the preview")
    assert "Edited in the preview" in titles(load_content(center))["warranty"]

    (center / file).write_text(original, encoding="utf-8")
    undone = load_content(center)

    assert "The seller repairs your device for free" in titles(undone)["warranty"]
    assert "Edited in the preview" not in titles(undone)["warranty"]


def test_a_broken_policy_is_said_among_kept_ones_and_its_fix_is_seen(center, proofs):
    load_content(center)
    warranty = center / "policies" / "warranty.yaml"
    edit_file(warranty, "outcome: free-repair", "outcome: free-repiar")

    content, problems = check_content(center)

    assert content is None
    assert [problem.position.file.endswith("policies/warranty.yaml") for problem in problems] == [True]
    assert "unknown outcome 'free-repiar'" in problems[0].message
    edit_file(warranty, "outcome: free-repiar", "outcome: free-repair")
    edit_file(warranty, TITLES["warranty"][1], "title: Fixed in the preview")
    assert "Fixed in the preview" in titles(load_content(center))["warranty"]
    assert sorted(proofs) == ["cancel-order", "trade-in", "warranty", "warranty"]


@pytest.mark.parametrize(
    ("file", "old", "new", "seen"),
    [
        pytest.param(
            "help-center.yaml",
            "value: Refurb Market}",
            "value: Refurb Mart}",
            lambda content: content.help_center.facts["marketplace"].value == "Refurb Mart",
            id="shared-fact",
        ),
        pytest.param(
            "interface.yaml",
            "site_name: Help Center",
            "site_name: Help Centre",
            lambda content: content.interface.site_name == "Help Centre",
            id="interface",
        ),
    ],
)
def test_an_edit_of_a_shared_file_is_seen_without_proving_the_policies_again(center, proofs, file, old, new, seen):
    first = load_content(center)
    assert not seen(first)

    edit_file(center / file, old, new)
    again = load_content(center)

    assert seen(again)
    assert len(proofs) == 3, "a policy's proof depends on its own file only"


def test_a_shared_fact_taken_away_is_said_at_each_policy_that_still_uses_it(center, proofs):
    load_content(center)
    edit_file(center / "help-center.yaml", "  marketplace: {type: name", "  market_place: {type: name")

    content, problems = check_content(center)

    assert content is None
    unknown = {problem.position.file.split("content/")[-1] for problem in problems if "marketplace" in problem.message}
    assert unknown == {"policy.yaml", "policies/warranty.yaml", "policies/cancel-order.yaml"}


def test_an_edit_of_a_ledger_is_seen(center, proofs):
    ledger = center / "finder-addresses" / "warranty.yaml"
    first = {checked.policy.id: checked for checked in load_content(center).policies}
    assert ledger.is_file()
    line = next(line for line in ledger.read_text(encoding="utf-8").splitlines() if line.startswith("make-"))
    address = line.split(":")[0]
    assert address in first["warranty"].recorded.addresses

    edit_file(ledger, line + "\n", "")
    again = {checked.policy.id: checked for checked in load_content(center).policies}

    assert address not in again["warranty"].recorded.addresses
    assert again["warranty"] is not first["warranty"]
    assert again["trade-in"] is first["trade-in"]
    assert len(proofs) == 3


@pytest.mark.parametrize(
    ("file", "old", "new", "shown", "others_kept"),
    [
        pytest.param(
            "locales/fr-FR.po",
            'msgstr "Le vendeur répare votre appareil gratuitement"',
            'msgstr "Le vendeur le répare gratuitement"',
            "Le vendeur le répare gratuitement",
            False,  # the catalog holds every policy's translations
            id="its-translation",
        ),
        pytest.param(
            "policies/warranty.yaml",
            "title: The seller repairs your device for free",
            "title: The seller repairs it for free",
            "The seller repairs it for free",  # no translation yet: English, marked so
            True,
            id="its-english",
        ),
    ],
)
def test_an_edit_is_seen_in_a_translated_policy(center, file, old, new, shown, others_kept):
    french = SiteLocale("fr-FR", "fr")
    first = {checked.policy.id: checked for checked in localize(load_content(center), french).policies}
    assert "Le vendeur répare votre appareil gratuitement" in titles_of(first["warranty"])

    edit_file(center / file, old, new)
    content = localize(load_content(center), french)
    again = {checked.policy.id: checked for checked in content.policies}

    assert shown in titles_of(again["warranty"])
    assert "Le vendeur répare votre appareil gratuitement" not in titles_of(again["warranty"])
    assert (shown in content.untranslated) == (file.endswith(".yaml"))
    assert (again["cancel-order"] is first["cancel-order"]) == others_kept


def titles_of(checked) -> set[str]:
    return {outcome.title for outcome in checked.policy.outcomes}


# The store itself --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [
        pytest.param(lambda one: one, lambda one: one, True, id="the-same-object"),
        pytest.param(lambda one: one, lambda one: dict(one), False, id="an-equal-copy"),
    ],
)
def test_a_result_is_kept_for_the_very_same_object_only(first, second, kept):
    store: Kept[Same, str] = Kept(8)
    data = {"id": "toy"}
    store.get("toy.yaml", Same(first(data)), lambda: "first")

    assert store.get("toy.yaml", Same(second(data)), lambda: "second") == ("first" if kept else "second")


def test_a_slot_keeps_the_result_of_its_latest_key_only():
    store: Kept[str, str] = Kept(8)
    store.get("toy.yaml", "version 1", lambda: "from 1")
    store.get("toy.yaml", "version 2", lambda: "from 2")

    assert store.get("toy.yaml", "version 2", lambda: "again") == "from 2"
    assert store.get("toy.yaml", "version 1", lambda: "again") == "again"


def test_the_least_recently_used_slot_is_forgotten_first():
    store: Kept[str, str] = Kept(2)
    store.get("a", "key", lambda: "a1")
    store.get("b", "key", lambda: "b1")
    store.get("a", "key", lambda: "a2")  # a was used last: b goes
    store.get("c", "key", lambda: "c1")

    assert [store.get(slot, "key", lambda: "again") for slot in ["a", "c", "b"]] == ["a1", "c1", "again"]


def test_a_failed_work_is_not_kept():
    store: Kept[str, str] = Kept(2)

    with pytest.raises(ValueError, match="no result"):
        store.get("a", "key", lambda: (_ for _ in ()).throw(ValueError("no result")))

    assert store.get("a", "key", lambda: "done") == "done"
