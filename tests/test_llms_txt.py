"""``llms.txt`` (llmstxt.org): per locale, each policy's article and finder.json; at the root, each locale's file.

The expected files are written here by hand, from the content and the
catalogs as a reader sees them, and compared whole: the title, the summary,
the details, the sections and every list line, with absolute addresses from
the site's address (the test site is built for the address it is served at).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.locales import SiteLocale
from generator.content.model import Interface
from generator.rendering.llms import Link, Section, root_llms_txt, write
from support import LOCALES

EXPECTED_EN_US = """\
# Help Center

> Help with trade-ins that were not finalized: how to get your device back.

Each guide of this help center: its article, for people, and its decision logic as data, for assistants.

## Get your device back after a trade-in that wasn't finalized

- [Get your device back after a trade-in that wasn't finalized]({site}/en-us/get-your-device-back/): When the \
refurbisher returns a traded-in device for free, when you need to send them a prepaid return label, and how to do it.
- [Find out how to get your device back]({site}/en-us/finder.json): The decision logic as JSON: the finder's \
questions, answers and outcomes, proven to lead every combination of answers to exactly one outcome.
"""

EXPECTED_FR_FR = """\
# Centre d’aide

> Aide pour les reprises non finalisées : comment récupérer votre appareil.

Chaque guide de ce centre d’aide : son article, pour les personnes, et sa logique de décision sous forme de \
données, pour les assistants.

## Récupérer votre appareil après une reprise non finalisée

- [Récupérer votre appareil après une reprise non finalisée]({site}/fr-fr/get-your-device-back/): Quand le \
reconditionneur renvoie gratuitement un appareil repris, quand vous devez lui envoyer une étiquette de retour \
prépayée, et comment faire.
- [Découvrez comment récupérer votre appareil]({site}/fr-fr/finder.json): La logique de décision en JSON : les \
questions, les réponses et les résultats de l’assistant, dont il est prouvé que chaque combinaison de réponses mène \
à un seul résultat.
"""

#: The test site also builds the pseudo-locale, so the root lists it too.
EXPECTED_ROOT = """\
# Help Center

> Help with trade-ins that were not finalized: how to get your device back.

## Languages

- [English (United States)]({site}/en-us/llms.txt): en-US
- [français (France)]({site}/fr-fr/llms.txt): fr-FR
- [Deutsch (Deutschland)]({site}/de-de/llms.txt): de-DE
- [español (España)]({site}/es-es/llms.txt): es-ES
- [italiano (Italia)]({site}/it-it/llms.txt): it-IT
- [en-XA]({site}/en-xa/llms.txt): en-XA
"""

#: One line of a list, as llmstxt.org writes it: ``- [name](url)`` and an optional ``: note``.
LIST_LINE = re.compile(r"- \[(?P<name>(?:[^\[\]\\]|\\.)+)\]\((?P<url>[^()\s]+)\)(?:: (?P<note>\S.*))?")


def read(built_site: Path, folder: str) -> str:
    return (built_site / folder / "llms.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        pytest.param("en-us", EXPECTED_EN_US, id="en-US"),
        pytest.param("fr-fr", EXPECTED_FR_FR, id="fr-FR"),
        pytest.param("", EXPECTED_ROOT, id="root"),
    ],
)
def test_llms_txt_is_the_expected_file(built_site, site_server, folder, expected):
    assert read(built_site, folder) == expected.format(site=site_server)


def structure(text: str) -> list[str]:
    """Name each line by its part of the convention; fail on a line that fits none."""
    parts = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number == 1:
            assert line.startswith("# "), f"line 1 is not the title: {line!r}"
            assert line[2:].strip(), "the title is empty"
            parts.append("title")
        elif line.startswith("> "):
            parts.append("summary")
        elif line.startswith("## "):
            parts.append("section")
        elif line.startswith("- "):
            assert LIST_LINE.fullmatch(line), f"line {number} is not a list line: {line!r}"
            parts.append("link")
        elif line:
            assert not line.startswith(("#", ">")), f"line {number}: {line!r}"
            parts.append("details")
        else:
            parts.append("")
    return parts


@pytest.mark.parametrize("folder", [pytest.param(slug, id=tag) for tag, _, slug in LOCALES])
def test_every_locale_has_its_llms_txt_in_shape(built_site, folder):
    text = read(built_site, folder)
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    parts = structure(text.removesuffix("\n"))
    assert parts == ["title", "", "summary", "", "details", "", "section", "", "link", "link"]
    # The same file shape in every language: the English words are only in the English file.
    if folder != "en-us":
        assert "Each guide of this help center" not in text


@pytest.mark.parametrize(
    "folder", [*(pytest.param(slug, id=tag) for tag, _, slug in LOCALES), pytest.param("", id="root")]
)
def test_every_address_of_llms_txt_is_a_file_of_the_site(built_site, site_server, folder):
    links = [LIST_LINE.fullmatch(line) for line in read(built_site, folder).splitlines() if line.startswith("- ")]
    assert links
    assert all(links)
    for link in links:
        url = link["url"]
        assert url.startswith(f"{site_server}/"), f"not an absolute address of the site: {url}"
        path = url.removeprefix(f"{site_server}/")
        target = built_site / path / "index.html" if path.endswith("/") else built_site / path
        assert target.is_file(), f"{folder or 'root'}/llms.txt links {url}, which the site does not have"


# --- write(): the convention's syntax, whatever the words -----------------------------------------

LINK = Link("Returns", "https://help.example/en-us/returns/", "How to return an item.")


@pytest.mark.parametrize(
    ("title", "summary", "details", "sections", "expected"),
    [
        pytest.param(
            "Help",
            "All of it.",
            "",
            [Section("Returns", (LINK,))],
            "# Help\n\n> All of it.\n\n## Returns\n\n- [Returns](https://help.example/en-us/returns/): How to return"
            " an item.\n",
            id="no-details",
        ),
        pytest.param(
            "Help",
            "All\nof it.",
            "More  words\nhere.",
            [],
            "# Help\n\n> All of it.\n\nMore words here.\n",
            id="line-breaks-fold",
        ),
        pytest.param(
            "Help",
            "Sum.",
            "",
            [Section("A\nB", (Link("[EU] returns \\ refunds", "https://h.example/a/"),))],
            "# Help\n\n> Sum.\n\n## A B\n\n- [\\[EU\\] returns \\\\ refunds](https://h.example/a/)\n",
            id="brackets-escaped-no-note",
        ),
        pytest.param(
            "Help",
            "Sum.",
            "",
            [Section("X", (Link("Evil](https://evil.example/) [x", "https://h.example/a/", "Note\n# not a heading"),))],
            "# Help\n\n> Sum.\n\n## X\n\n- [Evil\\](https://evil.example/) \\[x](https://h.example/a/): Note # not a"
            " heading\n",
            id="a-name-cannot-end-its-link",
        ),
    ],
)
def test_write(title, summary, details, sections, expected):
    assert write(title, summary, details, sections) == expected
    # Whatever the words, every line is one the convention knows.
    structure(expected.removesuffix("\n"))


def test_the_root_lists_the_locales_it_is_given_in_order():
    interface = Interface.from_data(
        {
            "site_name": "Aide",
            "home": {"description": "Tout."},
            "llms": {"languages": "Langues"},
            "units": {},
        }
    )
    locales = [SiteLocale("it-IT", "it"), SiteLocale("de-DE", "de")]
    assert root_llms_txt(interface, locales, "https://h.example/") == (
        "# Aide\n\n> Tout.\n\n## Langues\n\n"
        "- [italiano (Italia)](https://h.example/it-it/llms.txt): it-IT\n"
        "- [Deutsch (Deutschland)](https://h.example/de-de/llms.txt): de-DE\n"
    )


def test_a_site_whose_address_is_not_configured_gives_addresses_from_its_root(project, tmp_path):
    """With no ``base_url`` in mkdocs.yml, the site is rooted at ``/``: each locale's folder is named once."""
    from mkdocs.commands.build import build

    from generator.mkdocs.config import locale_config

    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(re.sub(r"\n *base_url: [^\n]*", "", text), encoding="utf-8")
    assert "base_url" not in config_file.read_text(encoding="utf-8")

    build(locale_config(config_file, str(tmp_path / "site"), "fr-FR", ""))

    lines = (tmp_path / "site" / "llms.txt").read_text(encoding="utf-8").splitlines()
    addresses = [re.search(r"\]\(([^)]*)\)", line).group(1) for line in lines if line.startswith("- [")]
    assert addresses == ["/fr-fr/get-your-device-back/", "/fr-fr/finder.json"]
