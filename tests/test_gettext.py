"""GNU gettext reads every catalog the tool writes: ``msgfmt --check`` and ``msgcat`` accept them.

Catalogs are written through the translators' commands, in every shape an edit gives them: stale
entries with their previous English (long, with quotes, backslashes, line breaks), plural forms,
translations with quotes and line breaks. On CI (``CI=true``) a missing ``msgfmt`` is a failure,
never a skip: ``.ci/run`` installs gettext.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.i18n.catalogs import read_catalog

ROOT = Path(__file__).resolve().parent.parent
TITLE = "The refurbisher sends your device back for free"
TITLE_CONTEXT = "trade-in/outcomes/free-return/title"
HINT_START = "When a refurbisher inspects a traded-in device"
LONG = (
    "When a refurbisher inspects a traded-in device, they write to you in your messages, and they tell you "
    "in plain words whether it failed one of their checks, long before anything is shipped back to you"
)


def gettext_tools() -> tuple[str, str]:
    """The paths of msgfmt and msgcat; on CI their absence fails the test instead of skipping it."""
    msgfmt, msgcat = shutil.which("msgfmt"), shutil.which("msgcat")
    if msgfmt is None or msgcat is None:
        if os.environ.get("CI") == "true":
            pytest.fail("GNU gettext (msgfmt, msgcat) is missing: .ci/run installs it with apt-get install gettext")
        pytest.skip("GNU gettext (msgfmt, msgcat) is not installed")
    return msgfmt, msgcat


def gettext_problems(path: Path) -> list[str]:
    """What msgfmt --check and msgcat say is wrong with the catalog at ``path`` (warnings aside)."""
    msgfmt, msgcat = gettext_tools()
    said = []
    for command in (
        [msgfmt, "--check-format", "--check-header", "-o", os.devnull, str(path)],
        [msgcat, "-o", os.devnull, str(path)],
    ):
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0:
            said.append(f"{Path(command[0]).name}: {done.stderr.strip()}")
    return said


def _edit(project: Path, old: str, new: str, file: str = "policy.yaml") -> None:
    path = project / "content" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _translate(project: Path, tag: str, english: str, translation: str) -> None:
    """Give the entry whose English is ``english`` the translation ``translation``, as a PO file writes it."""
    path = project / "content" / "locales" / f"{tag}.po"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f'msgid "{english}"')
    lines[at + 1] = f'msgstr "{translation}"'
    path.write_text("\n".join(lines), encoding="utf-8")


def _long_title(project: Path) -> tuple[str, str]:
    long = TITLE + " once it has checked every part of it, from the screen to the battery"
    _edit(project, TITLE, long)
    assert main(["i18n", "update"]) == 0
    _edit(project, TITLE + " once", TITLE + ", at no cost, once")
    return TITLE_CONTEXT, long


def _quotes_and_backslashes(project: Path) -> tuple[str, str]:
    _edit(project, f"title: {TITLE}", 'title: "The refurbisher sends your \\"device\\" back for free \\\\ at once"')
    assert main(["i18n", "update"]) == 0
    _edit(project, 'sends your \\"device\\"', "sends your 'device'")
    return TITLE_CONTEXT, 'The refurbisher sends your "device" back for free \\ at once'


def _line_breaks(project: Path) -> tuple[str, str]:
    _translate(project, "fr-FR", TITLE, 'Le reconditionneur \\"renvoie\\" votre appareil\\ngratuitement')
    _edit(project, f"title: {TITLE}", 'title: "The refurbisher\\nsends your device back\\nfor free"')
    assert main(["i18n", "update"]) == 0
    _edit(project, "sends your device back\\nfor free", "sends your device back\\nat no cost")
    return TITLE_CONTEXT, "The refurbisher\nsends your device back\nfor free"


def _plural_forms(project: Path) -> tuple[str, tuple[str, str]]:
    _edit(project, "other: '{count} business days'", "other: '{count} working days'", "interface.yaml")
    return "interface/units/business-day", ("{count} business day", "{count} business days")


def _previous_english_over_many_lines(project: Path) -> tuple[str, str]:
    text = (project / "content" / "policy.yaml").read_text(encoding="utf-8")
    start = text.index("    hint: >-\n")
    end = text.index("\n", text.index(HINT_START)) + 1
    while text[end:].startswith("      "):
        end = text.index("\n", end) + 1
    _edit(project, text[start:end], f"    hint: >-\n      {LONG}\n")
    assert main(["i18n", "update"]) == 0
    _edit(project, LONG, LONG.replace("plain words", "words you know"))
    return "trade-in/questions/device-status/hint", LONG


def _retired_stale_entry(project: Path) -> tuple[str, str]:
    """A stale entry whose text is then removed is kept as obsolete (#~), and comes back stale."""
    context, _ = _previous_english_over_many_lines(project)
    assert main(["i18n", "update"]) == 0
    policy = project / "content" / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    start = text.index("    hint: >-\n")
    end = text.index("\n", text.index("words you know")) + 1
    policy.write_text(text[:start] + text[end:], encoding="utf-8")
    assert main(["i18n", "update"]) == 0
    assert "#~ msgctxt" in (project / "content/locales/fr-FR.po").read_text(encoding="utf-8")
    policy.write_text(text, encoding="utf-8")
    # An obsolete entry keeps its translation, English, flags and previous English (#, fuzzy and #~| msgid, as
    # msgmerge writes them): it comes back stale, showing the English its translation was made for.
    return context, LONG


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(_long_title, id="stale-with-a-long-previous-english"),
        pytest.param(_quotes_and_backslashes, id="stale-with-quotes-and-backslashes"),
        pytest.param(_line_breaks, id="stale-with-line-breaks-and-a-quoted-translation"),
        pytest.param(_plural_forms, id="stale-plural-form"),
        pytest.param(_previous_english_over_many_lines, id="stale-long-hint"),
        pytest.param(_retired_stale_entry, id="stale-entry-retired-then-back"),
    ],
)
def test_gettext_accepts_every_catalog_an_update_writes(project, edit):
    gettext_tools()
    context, previous_english = edit(project)
    assert main(["i18n", "update"]) == 0

    catalogs = sorted((project / "content" / "locales").glob("*.po*"))
    assert len(catalogs) == 5
    assert {path.name: gettext_problems(path) for path in catalogs} == {path.name: [] for path in catalogs}
    # The previous English is read back whole: what a translator compares the new English with.
    catalog, problems = read_catalog(project / "content/locales/fr-FR.po")
    assert problems == []
    stale = next(message for message in catalog if message.context == context)
    english = list(previous_english) if isinstance(previous_english, tuple) else [previous_english]
    assert (stale.fuzzy, stale.previous_id) == (True, english)
    assert main(["check"]) == 0


def test_gettext_accepts_a_started_catalog(project, capsys):
    gettext_tools()
    assert main(["i18n", "add", "ca-ES", "--market", "es"]) == 0
    assert gettext_problems(project / "content/locales/ca-ES.po") == []


@pytest.mark.parametrize("name", ["de-DE.po", "es-ES.po", "fr-FR.po", "it-IT.po", "messages.pot"])
def test_gettext_accepts_the_committed_catalogs(name):
    assert gettext_problems(ROOT / "content" / "locales" / name) == []
