"""What the translators' commands write: locales.yaml edited as YAML, every file read back, all or nothing.

``i18n add`` inserts the new locale where ``published:`` ends, in that list's own style, and keeps every
comment; ``add`` and ``update`` write their files together or not at all, never a file that ``check`` then
refuses, and say in one line why they could not write (a folder or catalog that cannot be written, a catalog
that is a symbolic link), changing nothing.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

import pytest
from test_i18n import NL_MARKET, add_market

from generator.helpcenter.folder import load_content
from support import run_cli as run

UNPUBLISHED = ["de-DE.po", "es-ES.po", "it-IT.po"]


def files(project: Path) -> dict[str, bytes]:
    """Every file of the content folder and its bytes (a link as where it points)."""
    found = {}
    for path in sorted((project / "content").rglob("*")):
        if path.is_symlink():
            found[str(path.relative_to(project))] = f"-> {os.readlink(path)}".encode()
        elif path.is_file():
            found[str(path.relative_to(project))] = path.read_bytes()
    return found


@pytest.fixture
def two_locales(project) -> Path:
    """The project, publishing en-US and fr-FR only (locales.yaml is written by each test)."""
    for name in UNPUBLISHED:
        (project / "content/locales" / name).unlink()
    return project


# Each layout of locales.yaml an editor may write, and the file `i18n add ca-ES --market es` must leave.
LAYOUTS = [
    (
        "block-list-indented",
        "# yaml-language-server: $schema=locales.schema.json\n# Our locales.\nsource: en-US\n\npublished:\n"
        "  - tag: en-US\n    market: us\n  # French, for France.\n  - tag: fr-FR\n    market: fr  # the fr market\n"
        "\n# Names.\nnames:\n  - UPS\n",
        "# yaml-language-server: $schema=locales.schema.json\n# Our locales.\nsource: en-US\n\npublished:\n"
        "  - tag: en-US\n    market: us\n  # French, for France.\n  - tag: fr-FR\n    market: fr  # the fr market\n"
        "  - tag: ca-ES\n    market: es\n\n# Names.\nnames:\n  - UPS\n",
    ),
    (
        "block-list-at-column-0",
        "source: en-US\npublished:\n- tag: en-US\n  market: us\n- tag: fr-FR\n  market: fr\nnames:\n- UPS\n",
        "source: en-US\npublished:\n- tag: en-US\n  market: us\n- tag: fr-FR\n  market: fr\n- tag: ca-ES\n"
        "  market: es\nnames:\n- UPS\n",
    ),
    (
        "block-list-wide-indentation",
        "source: en-US\npublished:\n    -   tag: en-US\n        market: us\n    -   tag: fr-FR\n        market: fr\n",
        "source: en-US\npublished:\n    -   tag: en-US\n        market: us\n    -   tag: fr-FR\n        market: fr\n"
        "    -   tag: ca-ES\n        market: es\n",
    ),
    (
        "flow-list",
        "source: en-US\npublished: [{tag: en-US, market: us}, {tag: fr-FR, market: fr}]  # both\n",
        "source: en-US\npublished: [{tag: en-US, market: us}, {tag: fr-FR, market: fr}, {tag: ca-ES, market: es}]"
        "  # both\n",
    ),
    (
        "flow-list-over-lines",
        "source: en-US\npublished: [\n  {tag: en-US, market: us},\n  {tag: fr-FR, market: fr}\n]\nnames: [UPS]\n",
        "source: en-US\npublished: [\n  {tag: en-US, market: us},\n  {tag: fr-FR, market: fr}, {tag: ca-ES, market: es}\n"
        "]\nnames: [UPS]\n",
    ),
    (
        "flow-mappings-in-a-block-list",
        "source: en-US\npublished:\n  - {tag: en-US, market: us}\n  - {tag: fr-FR, market: fr}\n",
        "source: en-US\npublished:\n  - {tag: en-US, market: us}\n  - {tag: fr-FR, market: fr}\n"
        "  - {tag: ca-ES, market: es}\n",
    ),
    (
        "double-quoted",
        '"source": "en-US"\n"published":\n  - "tag": "en-US"\n    "market": "us"\n  - "tag": "fr-FR"\n'
        '    "market": "fr"\n',
        '"source": "en-US"\n"published":\n  - "tag": "en-US"\n    "market": "us"\n  - "tag": "fr-FR"\n'
        '    "market": "fr"\n  - "tag": "ca-ES"\n    "market": "es"\n',
    ),
    (
        "single-quoted-flow-list",
        "source: 'en-US'\npublished: [{'tag': 'en-US', 'market': 'us'}, {'tag': 'fr-FR', 'market': 'fr'}]\n",
        "source: 'en-US'\npublished: [{'tag': 'en-US', 'market': 'us'}, {'tag': 'fr-FR', 'market': 'fr'}, "
        "{'tag': 'ca-ES', 'market': 'es'}]\n",
    ),
    (
        "last-item-with-name-forms-and-no-final-line-break",
        "source: en-US\npublished:\n  - tag: en-US\n    market: us\n  - tag: fr-FR\n    market: fr\n"
        "    name_forms:\n      de UPS: d’UPS",
        "source: en-US\npublished:\n  - tag: en-US\n    market: us\n  - tag: fr-FR\n    market: fr\n"
        "    name_forms:\n      de UPS: d’UPS\n  - tag: ca-ES\n    market: es\n",
    ),
]


@pytest.mark.parametrize(("before", "after"), [case[1:] for case in LAYOUTS], ids=[case[0] for case in LAYOUTS])
def test_add_inserts_the_locale_in_the_lists_own_style_and_keeps_every_comment(capsys, two_locales, before, after):
    locales = two_locales / "content/locales.yaml"
    locales.write_text(before, encoding="utf-8")
    assert run(capsys, "check")[0] == 0

    status, out, err = run(capsys, "i18n", "add", "ca-ES", "--market", "es")

    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "content/locales.yaml: publishes ca-ES (market es)"
    assert locales.read_text(encoding="utf-8") == after
    assert [locale.tag for locale in load_content(two_locales / "content").locales.published] == [
        "en-US",
        "fr-FR",
        "ca-ES",
    ]


def test_add_writes_locales_yaml_anew_when_it_cannot_keep_its_layout_and_says_so(capsys, two_locales):
    locales = two_locales / "content/locales.yaml"
    locales.write_text(
        "# yaml-language-server: $schema=locales.schema.json\n\nsource: en-US\npublished:\n  -\n    tag: en-US\n"
        "    market: us  # a dash alone on its line\n  -\n    tag: fr-FR\n    market: fr\n",
        encoding="utf-8",
    )

    status, out, err = run(capsys, "i18n", "add", "ca-ES", "--market", "es")

    assert (status, err) == (0, "")
    assert out.splitlines()[0] == (
        "content/locales.yaml: publishes ca-ES (market es); its comments could not be kept in place, "
        "so it was written anew"
    )
    assert locales.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=locales.schema.json\n\nsource: en-US\npublished:\n- tag: en-US\n"
        "  market: us\n- tag: fr-FR\n  market: fr\n- tag: ca-ES\n  market: es\n"
    )
    assert run(capsys, "check")[0] == 0


def test_add_quotes_a_market_yaml_would_read_as_false(capsys, two_locales):
    """Norway's market `no` is false to YAML 1.1: written plain, locales.yaml would no longer say `no`."""
    add_market(two_locales, [(name, after, added.replace("nl:", "'no':", 1)) for name, after, added in NL_MARKET])
    (two_locales / "content/locales.yaml").write_text(
        "source: en-US\npublished:\n  - tag: en-US\n    market: us\n  - tag: fr-FR\n    market: fr\n", encoding="utf-8"
    )

    assert run(capsys, "i18n", "add", "nb-NO")[0] == 0

    assert (
        (two_locales / "content/locales.yaml")
        .read_text(encoding="utf-8")
        .endswith('  - tag: nb-NO\n    market: "no"\n')
    )
    assert run(capsys, "check")[0] == 0


def _large_policy(project: Path, count: int = 5600) -> None:
    """About 580 KB of policy: many rows in the table of weights, each a text to translate (its catalog: over 1 MiB)."""
    policy = project / "content/policy.yaml"
    rows = "".join(
        f"                - id: model-{number:05d}\n                  cells: [Refurbished device model {number:05d}, "
        "'{smartphone_weight}']\n"
        for number in range(count)
    )
    text = policy.read_text(encoding="utf-8")
    assert "              rows:\n" in text
    policy.write_text(text.replace("              rows:\n", "              rows:\n" + rows, 1), encoding="utf-8")


def test_the_catalogs_the_tool_writes_for_a_large_policy_are_ones_check_reads(capsys, project):
    _large_policy(project)

    assert run(capsys, "i18n", "add", "ca-ES", "--market", "es")[0] == 0

    assert (project / "content/locales/ca-ES.po").stat().st_size > 1024 * 1024
    status, _, err = run(capsys, "check")
    assert (status, err) == (0, "")
    policy = project / "content/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("model 00001", "model 00001 b", 1), encoding="utf-8")
    assert run(capsys, "i18n", "update")[0] == 0
    assert (project / "content/locales/fr-FR.po").stat().st_size > 1024 * 1024
    status, _, err = run(capsys, "check")
    assert (status, err) == (0, "")


def test_a_catalog_over_the_limit_is_refused_before_anything_is_written(capsys, project, monkeypatch):
    """The limit holds when writing as when reading: the tool says so, and writes nothing."""
    monkeypatch.setattr("generator.i18n.catalogs.MAX_CATALOG_BYTES", 64 * 1024)
    _large_policy(project, count=400)
    before = files(project)

    status, out, err = run(capsys, "i18n", "add", "ca-ES", "--market", "es")

    assert (status, out) == (1, "")
    assert re.fullmatch(
        r"content/locales/ca-ES\.po: error: the catalog would be \d+ KiB, over the 64 KiB a catalog may have "
        # 520: each of the 5 texts with a count is one text, not one per Catalan form (one, many, other) as before
        r"\(520 texts to translate\): nothing was written; make policy\.yaml and interface\.yaml smaller",
        err.splitlines()[0],
    ), err
    assert run(capsys, "i18n", "update")[0] == 1
    assert files(project) == before


def _failing(monkeypatch, function: str, target: Path) -> None:
    """Make ``os.replace`` (its destination) or ``tempfile.mkstemp`` (its folder) fail on ``target`` with EACCES,
    as writing to a file or folder without permission does (the tests may run as root, whom chmod does not stop).
    """
    real = getattr(os if function == "replace" else tempfile, function)

    def fail(*args, **kwargs):
        where = Path(args[1] if function == "replace" else kwargs.get("dir", ""))
        if where.absolute() == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return real(*args, **kwargs)

    monkeypatch.setattr(os if function == "replace" else tempfile, function, fail)


@pytest.mark.parametrize(
    ("function", "target", "message"),
    [
        pytest.param(
            "mkstemp",
            "content/locales",
            "content/locales/ca-ES.po: error: cannot write the file (Permission denied): check the permissions of "
            "the file and its folder",
            id="catalogs-folder-not-writable",
        ),
        pytest.param(
            "replace",
            "content/locales/ca-ES.po",
            "content/locales/ca-ES.po: error: cannot write the file (Permission denied): check the permissions of "
            "the file and its folder",
            id="catalog-not-writable",
        ),
        pytest.param(
            "replace",
            "content/locales.yaml",
            "content/locales.yaml: error: cannot write the file (Permission denied): check the permissions of "
            "the file and its folder",
            id="locales-yaml-not-writable-after-the-catalog-was-written",
        ),
    ],
)
def test_add_that_cannot_write_says_so_in_one_line_and_changes_nothing(
    capsys, project, monkeypatch, function, target, message
):
    before = files(project)
    _failing(monkeypatch, function, project / target)

    status, out, err = run(capsys, "i18n", "add", "ca-ES", "--market", "es")

    assert (status, out, err) == (1, "", f"{message}\n1 problem found\n")
    assert files(project) == before, "nothing changed, no staging file left"


TITLE = "The refurbisher sends your device back for free"


@pytest.mark.parametrize(
    ("function", "target", "message"),
    [
        pytest.param(
            "mkstemp",
            "content/locales",
            "content/locales/messages.pot: error: cannot write the file (Permission denied): check the permissions "
            "of the file and its folder",
            id="catalogs-folder-not-writable",
        ),
        pytest.param(
            "replace",
            "content/locales/es-ES.po",
            "content/locales/es-ES.po: error: cannot write the file (Permission denied): check the permissions of "
            "the file and its folder",
            id="third-catalog-not-writable",
        ),
    ],
)
def test_update_that_cannot_write_says_so_in_one_line_and_changes_nothing(
    capsys, project, monkeypatch, function, target, message
):
    policy = project / "content/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(TITLE, TITLE + " at once"), encoding="utf-8")
    before = files(project)
    _failing(monkeypatch, function, project / target)

    status, out, err = run(capsys, "i18n", "update")

    assert (status, out, err) == (1, "", f"{message}\n1 problem found\n")
    assert files(project) == before, "the catalogs written before the failing one are put back"


@pytest.mark.parametrize("command", [["i18n", "update"], ["i18n", "add", "fr-FR"]], ids=["update", "add"])
def test_a_catalog_that_is_a_symbolic_link_is_never_replaced(capsys, project, command):
    policy = project / "content/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(TITLE, TITLE + " at once"), encoding="utf-8")
    elsewhere = project / "shared-fr-FR.po"  # in the project: a link out of it is refused sooner, by check
    catalog = project / "content/locales/fr-FR.po"
    if command[1] == "add":  # a published locale whose catalog is a link to nothing yet
        catalog.unlink()
        catalog.symlink_to(elsewhere)
    else:
        catalog.rename(elsewhere)
        catalog.symlink_to(elsewhere)
    before, linked = files(project), elsewhere.read_bytes() if elsewhere.exists() else None

    status, out, err = run(capsys, *command)

    if command[1] == "add":  # check, which add runs first, refuses a link to nothing
        said = f"is a symbolic link to {elsewhere}, which does not exist; remove the link"
    else:
        said = "cannot write the file: it is a symbolic link, and the tool replaces only regular files: put the file itself there"
    assert (status, out) == (1, "")
    assert err.splitlines() == [f"content/locales/fr-FR.po: error: {said}", "1 problem found"]
    assert files(project) == before
    assert (elsewhere.read_bytes() if elsewhere.exists() else None) == linked


def test_add_without_locales_yaml_writes_one(capsys, project):
    (project / "content/locales.yaml").unlink()
    for name in [*UNPUBLISHED, "fr-FR.po"]:
        (project / "content/locales" / name).unlink()
    assert run(capsys, "check")[0] == 0

    assert run(capsys, "i18n", "add", "fr-FR")[0] == 0

    assert (project / "content/locales.yaml").read_text(encoding="utf-8") == (
        "source: en-US\npublished:\n  - tag: en-US\n    market: us\n  - tag: fr-FR\n    market: fr\n"
    )
    assert run(capsys, "check")[0] == 0


def test_add_of_a_locale_whose_catalog_is_still_there_publishes_it_with_its_translations(capsys, project):
    """check says to run `i18n add` for a catalog of a locale not published: it does, keeping every translation."""
    locales = project / "content/locales.yaml"
    locales.write_text(
        locales.read_text(encoding="utf-8").replace("  - tag: de-DE\n    market: de\n", "", 1), encoding="utf-8"
    )
    status, _, err = run(capsys, "check")
    assert (status, err.splitlines()[0]) == (
        1,
        "content/locales/de-DE.po: error: catalog for a locale that is not published: add 'de-DE' to locales.yaml "
        "(python -m generator i18n add) or remove the file",
    )

    status, out, err = run(capsys, "i18n", "add", "de-DE")

    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "content/locales.yaml: publishes de-DE (market de)",
        # 120: 68 texts of the trade-in policy, 1 of help-center.yaml, 51 of the interface (5 of them with a count)
        "content/locales/de-DE.po: kept, 120/120 translated, 0 stale, 0 missing (100.0 %)",
    ]
    status, out, _ = run(capsys, "i18n", "status", "--list", "de-DE")
    assert (status, out) == (0, "content/locales/de-DE.po: every text is translated\n")


def test_a_locales_yaml_that_is_a_symbolic_link_is_never_replaced(capsys, project):
    elsewhere = project / "shared-locales.yaml"  # in the project: a link out of it is refused sooner, by check
    (project / "content/locales.yaml").rename(elsewhere)
    (project / "content/locales.yaml").symlink_to(elsewhere)
    before, linked = files(project), elsewhere.read_bytes()

    status, out, err = run(capsys, "i18n", "add", "ca-ES", "--market", "es")

    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "content/locales.yaml: error: cannot write the file: it is a symbolic link, and the tool replaces only "
        "regular files: put the file itself there",
        "1 problem found",
    ]
    assert (files(project), elsewhere.read_bytes()) == (before, linked)


def test_catalogs_name_their_sources_from_the_project_never_from_the_machines_root(capsys, tmp_path, monkeypatch):
    """Run from outside the content's folder, with an absolute --content: the `#:` lines stay relative."""
    import shutil

    from support import EXAMPLE_DIR

    content = tmp_path / "project" / "help-center"
    shutil.copytree(EXAMPLE_DIR, content)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")

    assert run(capsys, "i18n", "--content", str(content), "update")[0] == 0

    for catalog in sorted((content / "locales").glob("*.po*")):
        sources = {line for line in catalog.read_text(encoding="utf-8").splitlines() if line.startswith("#: ")}
        assert sources == {
            "#: help-center/policy.yaml",
            "#: help-center/policies/cancel-order.yaml",
            "#: help-center/policies/warranty.yaml",
            "#: help-center/help-center.yaml",
            "#: help-center/interface.yaml",
        }, catalog.name
