"""A language writes the words around a name its own way: French "de UPS" is "d’UPS" (locales.yaml ``name_forms``)."""

from __future__ import annotations

import dataclasses

import pytest

from generator.cli import main
from generator.content.locales import SiteLocale
from generator.rendering.pages import build_pages

FRENCH = SiteLocale("fr-FR", "fr")


def french_html(content) -> str:
    return "\n".join(page.html for page in build_pages(content, FRENCH))


def test_french_pages_write_d_ups(content):
    html = french_html(content)

    assert "sur le site d’UPS" in html
    assert "d’UPS</a>" in html  # inside a link's words too
    assert "de UPS" not in html


def test_without_the_form_french_pages_would_say_de_ups(content):
    locales = dataclasses.replace(content.locales, name_forms={})
    assert "sur le site de UPS" in french_html(dataclasses.replace(content, locales=locales))


def test_forms_belong_to_their_locale(content):
    italian = "\n".join(page.html for page in build_pages(content, SiteLocale("it-IT", "it")))
    assert "sul sito di UPS" in italian


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        pytest.param(
            "de UPSS: d’UPSS",
            "content/locales.yaml:19:7: error: 'de UPSS' holds none of the names fr-FR shows (Back Market, UPS, "
            "iCloud, Google, Samsung): a form says how the words around a name are written, e.g. 'de UPS: d’UPS'",
            id="no-name",
        ),
        pytest.param(
            "de UPS: de UPS",
            "content/locales.yaml:19:15: error: the form of 'de UPS' is the same words: remove it, or write the form "
            "the language uses",
            id="same-words",
        ),
        pytest.param(
            "de UPS: ''",
            "content/locales.yaml:19:15: error: published[fr-FR].name_forms.de UPS must not be empty",
            id="empty",
        ),
    ],
)
def test_a_form_that_would_rewrite_nothing_or_anything_is_refused(capsys, project, form, expected):
    locales = project / "content/locales.yaml"
    locales.write_text(locales.read_text(encoding="utf-8").replace("de UPS: d’UPS", form), encoding="utf-8")

    status = main(["check"])

    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.splitlines() == [expected, "1 problem found"]
