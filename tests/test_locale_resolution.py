"""A locale tag resolves to the published locale and the content that knows its translations.

The pseudo-locale en-XA is resolved too: the source language's market, and translations made from the English
with the names kept. Any other tag is refused at content/locales.yaml, with the published tags listed.
"""

from __future__ import annotations

import jinja2
import pytest

from generator.content.diagnostics import ContentError
from generator.content.locales import SiteLocale
from generator.helpcenter.translate import material_language, resolve_locale
from generator.i18n.pseudo import MATERIAL_ENGLISH, pseudo_material_loader


@pytest.mark.parametrize(("tag", "market"), [("en-US", "us"), ("fr-FR", "fr"), ("it-IT", "it")])
def test_a_published_tag_resolves_to_its_locale_and_the_same_content(content, tag, market):
    locale, resolved = resolve_locale(content, tag)

    assert locale == SiteLocale(tag, market)
    assert resolved is content


@pytest.fixture(scope="module")
def pseudo_resolved(content):
    return resolve_locale(content, "en-XA")


def test_the_pseudo_locale_reads_the_source_market(pseudo_resolved):
    locale, _ = pseudo_resolved

    assert locale == SiteLocale("en-XA", "us")


@pytest.mark.parametrize(
    ("context", "starts", "keeps"),
    [
        pytest.param("interface/site_name", "⟦Ĥéĺþ Çéñţéŕ ~~~~⟧", "", id="accented-and-padded"),
        pytest.param(
            "trade-in/questions/reason/answers/accounts/text",
            "⟦Ṁý ûšéŕ åççóûñţš (iCloud, Google, Samsung…) åŕé",
            "(iCloud, Google, Samsung…)",
            id="names-kept",
        ),
    ],
)
def test_the_pseudo_locales_translations_are_made_from_the_english(pseudo_resolved, context, starts, keeps):
    _, resolved = pseudo_resolved
    text = resolved.translations["en-XA"].get(context)

    assert text.startswith(starts)
    assert keeps in text


def test_the_pseudo_locale_keeps_the_other_translations_and_leaves_the_content_alone(content, pseudo_resolved):
    _, resolved = pseudo_resolved

    assert set(resolved.translations) == {*content.translations, "en-XA"}
    assert "en-XA" not in content.translations


@pytest.mark.parametrize("tag", ["nl-NL", "en-GB", ""])
def test_an_unpublished_tag_is_refused_at_the_locales_file(content, tag):
    with pytest.raises(ContentError) as raised:
        resolve_locale(content, tag)

    (problem,) = raised.value.diagnostics
    assert problem.position.file == "content/locales.yaml"
    assert problem.message == f"{tag} is not a published locale (published: en-US, fr-FR, de-DE, es-ES, it-IT)"


@pytest.mark.parametrize(
    ("tag", "market", "language"), [("fr-FR", "fr", "fr"), ("en-XA", "us", "en"), ("de-DE", "de", "de")]
)
def test_materials_interface_language_is_the_locales_own_or_english_for_the_pseudo_locale(tag, market, language):
    assert material_language(SiteLocale(tag, market)) == language


def test_the_pseudo_locale_loads_materials_interface_texts_pseudo_localized_and_the_rest_as_is():
    english = '{"language": "en", "clipboard.copy": "Copy"}'
    env = jinja2.Environment(loader=jinja2.DictLoader({MATERIAL_ENGLISH: english, "base.html": "Copy"}))

    loader = pseudo_material_loader(env, "en-XA")

    assert loader.get_source(env, MATERIAL_ENGLISH)[0] == '{"language": "en-XA", "clipboard.copy": "⟦Çóþý ~~⟧"}'
    assert loader.get_source(env, "base.html")[0] == "Copy"
