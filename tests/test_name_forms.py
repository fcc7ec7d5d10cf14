"""A language writes the words around a name its own way: French "de UPS" is "d’UPS" (locales.yaml ``name_forms``)."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from generator.cli import main
from generator.content.locales import SiteLocale
from generator.rendering.finder_data import finder_files
from generator.rendering.pages import build_pages
from support import html_tags, html_text

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
            "iCloud, Google, Samsung): a form says how the words around a name are written, e.g. 'de Apple: d’Apple'",
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


# A form changes shown text only: never a link's target, an attribute or markup.

#: Forms an attacker (or an unlucky translator) could write, each with the name it needs under ``names:``.
HOSTILE_FORMS = [
    pytest.param("https", "javascript:alert(document.domain)//", id="scheme-turned-into-javascript"),
    pytest.param("https", 'https" onmouseover="alert(1)', id="quote-that-would-close-the-attribute"),
    pytest.param("UPS", "<script>alert(1)</script>", id="tag"),
    pytest.param("UPS", '<a href="javascript:alert(1)">UPS</a>', id="link-markup"),
    pytest.param("backmarket", "evil.example", id="host-of-a-link"),
    pytest.param("fr_FR", 'fr_FR" href="javascript:alert(1)', id="query-of-a-link-with-href="),
]


def with_forms(content, forms: dict[str, str], names: tuple[str, ...]):
    """The real content with French ``forms`` and extra ``names``, as if check had let them through."""
    locales = dataclasses.replace(
        content.locales,
        names=(*content.locales.names, *names),
        name_forms={**content.locales.name_forms, "fr-FR": {**content.locales.name_forms["fr-FR"], **forms}},
    )
    return dataclasses.replace(content, locales=locales)


def page_tags(content) -> list[list[tuple[str, dict[str, str | None]]]]:
    return [html_tags(page.html) for page in build_pages(content, FRENCH)]


@pytest.mark.parametrize(("name", "form"), HOSTILE_FORMS)
def test_a_form_never_changes_a_link_or_markup(content, name, form):
    hostile = with_forms(content, {name: form}, (name,))

    tags = page_tags(hostile)

    assert tags == page_tags(content)  # every element and attribute as without the form
    hrefs = [attrs["href"] for page in tags for _, attrs in page if attrs.get("href") is not None]
    assert len(hrefs) > 100
    assert all(href.startswith("https://") or not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", href) for href in hrefs)
    finder = json.loads(finder_files(hostile, FRENCH, "https://help.example/fr-fr/")["finder.json"])
    urls = [found["url"] for key in ("outcomes", "nodes") for found in finder[key]]
    assert all(url.startswith("https://help.example/fr-fr/") for url in urls)


@pytest.mark.parametrize(("name", "form"), HOSTILE_FORMS)
def test_a_form_shows_as_typed(content, name, form):
    shown = "\n".join(html_text(page.html) for page in build_pages(with_forms(content, {name: form}, (name,)), FRENCH))
    if name != "UPS":  # in link targets only: shown nowhere
        assert form not in shown
    else:
        assert form in shown  # UPS is in the text: the form shows, as text


REFUSED = (
    ": names and their forms are shown as plain words, never as a link or markup; write only the words the page shows"
)


@pytest.mark.parametrize(
    ("form", "name", "expected"),
    [
        pytest.param(
            'https: "javascript:alert(document.domain)//"',
            "https",
            "content/locales.yaml:20:14: error: 'javascript:alert(document.domain)//' holds an address "
            f"('javascript:'){REFUSED}",
            id="form-with-a-javascript-address",
        ),
        pytest.param(
            "UPS: <b>UPS</b>",
            None,
            f"content/locales.yaml:20:12: error: '<b>UPS</b>' holds HTML ('<b>'){REFUSED}",
            id="form-with-html",
        ),
        pytest.param(
            "'{carrier} UPS': UPS",
            None,
            f"content/locales.yaml:20:7: error: '{{carrier}} UPS' holds the text syntax ('{{'){REFUSED}",
            id="words-with-a-placeholder",
        ),
        pytest.param(
            None,
            "https://evil.example",
            f"content/locales.yaml:35:5: error: 'https://evil.example' holds an address ('https:'){REFUSED}",
            id="name-that-is-an-address",
        ),
    ],
)
def test_a_name_or_form_that_is_not_plain_words_is_refused_at_its_line(capsys, project, form, name, expected):
    locales = project / "content/locales.yaml"
    text = locales.read_text(encoding="utf-8")
    if form is not None:
        text = text.replace("      de UPS: d’UPS\n", f"      de UPS: d’UPS\n      {form}\n")
    if name is not None:
        text = text.replace("  - Samsung\n", f"  - Samsung\n  - {name}\n")
    locales.write_text(text, encoding="utf-8")

    status = main(["check", "--strict"])

    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.splitlines() == [expected, "1 problem found"]
