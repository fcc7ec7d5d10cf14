"""Which locale a locale inherits from: CLDR's parent by default, `parent:` when written, and every `parent:`
that names no locale to inherit from refused at its line, saying what to write."""

from __future__ import annotations

import pytest

from generator.content.variants import default_parent

SOURCE = "en-US"


@pytest.mark.parametrize(
    ("tag", "published", "parent"),
    [
        pytest.param("fr-BE", ["en-US", "fr-FR"], "fr-FR", id="region-cut-then-likely-locale"),
        pytest.param("fr-CA", ["en-US", "fr-FR", "fr-BE"], "fr-FR", id="never-a-sibling"),
        pytest.param("de-AT", ["en-US", "de-DE"], "de-DE", id="german-of-austria"),
        pytest.param("es-MX", ["en-US", "es-ES"], "es-ES", id="through-latin-american-spanish"),
        pytest.param("pt-AO", ["en-US", "pt-BR", "pt-PT"], "pt-PT", id="cldr-exception-published"),
        pytest.param("pt-PT", ["en-US", "pt-BR"], "pt-BR", id="likely-locale-of-portuguese"),
        pytest.param("en-GB", ["en-US"], "en-US", id="source-language-reads-the-yaml"),
        pytest.param("en-AU", ["en-US", "en-GB"], "en-US", id="cldr-parent-is-en-001-not-en-GB"),
        pytest.param("fr-FR", ["en-US", "fr-FR", "fr-BE"], None, id="the-likely-locale-has-none"),
        pytest.param("nl-BE", ["en-US", "fr-FR"], None, id="no-published-ancestor"),
        pytest.param("zh-TW", ["en-US", "zh-CN"], None, id="never-across-scripts"),
        pytest.param("en-US", ["en-US"], None, id="the-source-has-none"),
    ],
)
def test_the_default_parent_follows_cldr(tag, published, parent):
    assert default_parent(tag, published, SOURCE) == parent


def locales_yaml(*entries: str) -> str:
    """A locales.yaml publishing en-US and fr-FR, then ``entries`` (each an item of ``published:``, one line)."""
    return "\n".join(
        ["source: en-US", "published:", "  - {tag: en-US, market: us}", "  - {tag: fr-FR, market: fr}", *entries, ""]
    )


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        pytest.param(
            ["  - {tag: fr-BE, market: fr, parent: fr-CA}"],
            "content/locales.yaml:5:38: error: fr-BE inherits from fr-CA, which is not published: publish fr-CA first "
            "(python -m generator i18n add fr-CA), or write one of: fr-FR, or none",
            id="parent-not-published",
        ),
        pytest.param(
            ["  - {tag: fr-BE, market: fr, parent: en-US}"],
            "content/locales.yaml:5:38: error: fr-BE inherits from en-US, which is in another language: a locale "
            "shows its parent's texts, so it inherits only from its own language; write one of: fr-FR, or none",
            id="parent-of-another-language",
        ),
        pytest.param(
            ["  - {tag: fr-BE, market: fr, parent: fr-BE}"],
            "content/locales.yaml:5:38: error: fr-BE cannot inherit from itself: write one of: fr-FR, or none",
            id="parent-is-itself",
        ),
        pytest.param(
            ["  - {tag: fr-BE, market: fr, parent: fr-CA}", "  - {tag: fr-CA, market: fr, parent: fr-BE}"],
            "content/locales.yaml:5:38: error: fr-BE → fr-CA → fr-BE: these locales inherit from each other, so no "
            "text would ever be found; write parent: none for the one that translates every text itself",
            id="cycle",
        ),
        pytest.param(
            ["  - {tag: fr-BE, market: fr}", "  - {tag: fr-CA, market: fr, parent: fr-BE}"],
            None,
            id="a-chain-is-no-cycle",
        ),
        pytest.param(
            ["  - {tag: fr-BE, market: fr, parent: fr-fr}"],
            "content/locales.yaml:5:38: error: published[fr-BE].parent: 'fr-fr' is not a tag like fr-FR (language in "
            "lower case, region in upper case): did you mean 'fr-FR'?; or write none",
            id="not-a-tag",
        ),
    ],
)
def test_a_parent_that_names_no_locale_to_inherit_from_is_refused_at_its_line(project, check, entries, expected):
    (project / "content/locales.yaml").write_text(locales_yaml(*entries), encoding="utf-8")
    for tag in ["fr-BE", "fr-CA"]:  # each with a catalog of no entry, as `i18n add` starts it
        (project / f"content/locales/{tag}.po").write_text("", encoding="utf-8")
    for tag in ["de-DE", "es-ES", "it-IT"]:
        (project / f"content/locales/{tag}.po").unlink()

    status, _, err = check(project / "content")

    if expected is None:
        assert (status, err) == (0, "")
    else:
        assert status == 1
        assert err.splitlines()[0].startswith(expected.replace("content/", "project/content/", 1))


def test_the_source_locale_inherits_from_none(project, check):
    locales = project / "content/locales.yaml"
    locales.write_text(locales_yaml().replace("{tag: en-US, market: us}", "{tag: en-US, market: us, parent: fr-FR}"))

    status, _, err = check(project / "content")

    assert status == 1
    assert err.splitlines()[0] == (
        "project/content/locales.yaml:3:38: error: en-US is the source locale: its wording is the YAML, so it "
        "inherits from no locale; take parent: out"
    )
