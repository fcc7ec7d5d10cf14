"""Belgian French inherits from French: a copy of the content publishes fr-BE for a Belgian market, with one
sentence said the Belgian way, and is built once for this module.

Every fr-BE page is French (fr-FR's translations, never English), shows the Belgian market's links, and the
fr-BE catalog holds that one sentence alone. An English edit then leaves one text to translate, in fr-FR,
and none in fr-BE, unless fr-BE says that text its own way: its own translation is then stale too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.content.locales import SiteLocale
from support import add_belgian_market, edit_file, html_tags, run_cli

ROOT = Path(__file__).resolve().parent.parent
FRENCH, BELGIAN = SiteLocale("fr-FR", "fr"), SiteLocale("fr-BE", "be")
#: The sentence Belgium says its own way, its English, and how each locale says it.
CONTEXT = "trade-in/outcomes/free-return/title"
ENGLISH = "The refurbisher sends your device back for free"
IN_FRANCE = "Le reconditionneur vous renvoie votre appareil gratuitement"
IN_BELGIUM = "Le reconditionneur vous renvoie votre appareil sans frais"
#: Another text, which fr-BE does not say its own way.
OTHER_CONTEXT = "trade-in/outcomes/prepaid-label/title"
OTHER_ENGLISH = "You send the refurbisher a prepaid return label"
#: What only the French market's pages link to, and what only the Belgian market's do.
FRANCE_ONLY = ["https://www.backmarket.fr/", "https://help.backmarket.fr/", "loc=fr_FR"]
BELGIUM_ONLY = ["https://www.backmarket.be/fr-be/dashboard/orders", "loc=fr_BE"]


def entries(catalog: Path) -> dict[str, str]:
    """The translation of each entry of ``catalog`` by context."""
    with catalog.open("rb") as handle:
        return {str(message.context): str(message.string) for message in read_po(handle) if message.id}


@pytest.fixture(scope="module")
def belgian(tmp_path_factory) -> tuple[Path, Path, list[str]]:
    """A copy of the project that publishes fr-BE with its own sentence; its content folder, the site built for
    fr-FR and fr-BE, and what `i18n add fr-BE` and `i18n override` printed."""
    from generator.helpcenter.catalog_commands import add
    from generator.helpcenter.variant_commands import override
    from generator.mkdocs.site import build_site

    project = tmp_path_factory.mktemp("belgian") / "project"
    for name in ["content", "overrides", "docs"]:
        shutil.copytree(ROOT / name, project / name)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    content = project / "content"
    add_belgian_market(content)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        patch.setenv("CONTENT", str(content))
        said = add(content, "fr-BE") + override(content, "fr-BE", CONTEXT)
        edit_file(content / "locales/fr-BE.po", f'msgstr "{IN_FRANCE}"', f'msgstr "{IN_BELGIUM}"')
        build_site(project / "mkdocs.yml", project / "site", [FRENCH, BELGIAN], strict=True)
    return content, project / "site", said


def pages_of(site: Path, slug: str) -> dict[str, str]:
    return {
        page.relative_to(site / slug).as_posix(): page.read_text(encoding="utf-8")
        for page in (site / slug).rglob("*.html")
    }


def test_add_says_the_parent_and_how_to_override(belgian):
    content, _, said = belgian

    assert said[0].endswith(
        "publishes fr-BE (market be), inheriting from fr-FR: it shows fr-FR's translations, except the texts it says its own way"
    )
    assert "i18n override fr-BE CONTEXT" in said[1]
    assert "- tag: fr-BE\n    market: be\n    parent: fr-FR\n" in (content / "locales.yaml").read_text(encoding="utf-8")


def test_the_belgian_catalog_holds_its_one_sentence(belgian):
    content, _, _ = belgian

    assert entries(content / "locales/fr-BE.po") == {CONTEXT: IN_BELGIUM}
    text = (content / "locales/fr-BE.po").read_text(encoding="utf-8")
    assert '"Language: fr_BE\\n"' in text
    assert "# overrides fr-FR" in text


def test_every_belgian_page_is_french(belgian):
    _, site, _ = belgian
    pages = pages_of(site, "fr-be")

    assert len(pages) > 20
    english = [path for path, html in pages.items() if "data-untranslated" in html]
    assert not english, f"pages with English text: {english}"
    languages = {next(attrs.get("lang") for tag, attrs in html_tags(html) if tag == "html") for html in pages.values()}
    assert languages == {"fr"}
    article = pages["get-your-device-back/index.html"]
    assert IN_BELGIUM in article
    assert IN_FRANCE not in article
    assert IN_FRANCE in pages_of(site, "fr-fr")["get-your-device-back/index.html"]
    assert OTHER_ENGLISH not in article


def test_belgian_pages_name_themselves_and_the_french_ones(belgian):
    _, site, _ = belgian
    article = (site / "fr-be/get-your-device-back/index.html").read_text(encoding="utf-8")

    alternates = {
        attrs["hreflang"]
        for tag, attrs in html_tags(article)
        if tag == "link" and attrs.get("rel") == "alternate" and attrs.get("hreflang")
    }
    assert alternates == {"en-US", "fr-FR", "de-DE", "es-ES", "it-IT", "fr-BE", "x-default"}


@pytest.mark.parametrize(
    ("slug", "shown", "not_shown"),
    [
        pytest.param("fr-be", BELGIUM_ONLY, FRANCE_ONLY, id="belgium-shows-belgian-links"),
        pytest.param(
            "fr-fr",
            ["https://www.backmarket.fr/fr-fr/dashboard/orders", "loc=fr_FR"],
            BELGIUM_ONLY,
            id="france-keeps-its-own",
        ),
    ],
)
def test_each_locale_shows_its_own_market(belgian, slug, shown, not_shown):
    _, site, _ = belgian
    every_page = "\n".join(pages_of(site, slug).values())

    assert [value for value in shown if value not in every_page] == []
    assert [value for value in not_shown if value in every_page] == []


@pytest.mark.parametrize(
    ("edited", "overridden", "france", "belgium"),
    [
        pytest.param(
            OTHER_ENGLISH,
            False,
            "fr-FR: 119/120 translated, 1 stale, 0 missing (99.2 %)",
            "fr-BE: 120 texts: 1 its own, 118 inherited from fr-FR, 0 stale, 1 missing, waiting for fr-FR (99.2 %)",
            id="a-text-fr-BE-inherits-is-fr-FR-s-to-do",
        ),
        pytest.param(
            ENGLISH,
            True,
            "fr-FR: 119/120 translated, 1 stale, 0 missing (99.2 %)",
            "fr-BE: 120 texts: 0 its own, 119 inherited from fr-FR, 1 stale, 0 missing (99.2 %)",
            id="a-text-fr-BE-says-its-own-way-is-stale-in-both",
        ),
    ],
)
def test_an_english_edit_leaves_one_text_to_do(
    belgian, tmp_path, monkeypatch, capsys, edited, overridden, france, belgium
):
    content = tmp_path / "content"
    shutil.copytree(belgian[0], content)
    monkeypatch.chdir(tmp_path)
    edit_file(content / "policy.yaml", edited, f"{edited}, today")

    assert run_cli(capsys, "i18n", "update")[0] == 0
    status, out, _ = run_cli(capsys, "i18n", "status")

    assert status == 0
    totals = [line for line in out.splitlines() if line.startswith("fr-")]
    assert totals == [france, belgium]
    status, _, err = run_cli(capsys, "check", "--strict")
    assert status == 1
    in_catalogs = {tag: err.count(f"locales/{tag}.po:") for tag in ["fr-FR", "fr-BE"]}
    assert in_catalogs == {"fr-FR": 1, "fr-BE": int(overridden)}, "each text to do, once, where it must change"
    with (content / "locales/fr-BE.po").open("rb") as handle:
        catalog = [message for message in read_po(handle) if message.id]
    assert [(message.context, message.fuzzy) for message in catalog] == [(CONTEXT, overridden)]
