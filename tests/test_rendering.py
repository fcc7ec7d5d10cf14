"""Texts from the content become safe HTML; values are formatted by the locale's rules."""

from __future__ import annotations

import pytest

from generator.content import inline
from generator.content.locales import SiteLocale
from generator.content.model import Mass
from generator.i18n.formatting import format_count, format_mass
from generator.rendering.render import relative_url

VALUES = {"carrier": "UPS", "marketplace": "Back & Co"}
LINKS = {"contact_form": "https://example.org/contact?a=1&b=2"}


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Plain text", "Plain text"),
        ("Ship with {carrier}", "Ship with UPS"),
        ("Sold on {marketplace}", "Sold on Back &amp; Co"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        (
            "[Write to us](contact_form) now",
            '<a href="https://example.org/contact?a=1&amp;b=2">Write to us</a> now',
        ),
        ("[Ask {carrier}](contact_form)", '<a href="https://example.org/contact?a=1&amp;b=2">Ask UPS</a>'),
        ("[<img src=x onerror=alert(1)>](contact_form)", '<a href="https://example.org/contact?a=1&amp;b=2">&lt;img src=x onerror=alert(1)&gt;</a>'),
        ("A {brace} that is not ours? {Not a placeholder}", None),
        ("[not a link](javascript:alert(1))", "[not a link](javascript:alert(1))"),
    ],
    ids=["plain", "placeholder", "escaped-value", "script", "link", "link-with-placeholder", "img-in-link", "unknown", "js-url"],
)  # fmt: skip
def test_inline_text_renders_as_safe_html(text, html):
    if html is None:
        with pytest.raises(KeyError):
            inline.render(text, VALUES, LINKS)
    else:
        assert str(inline.render(text, VALUES, LINKS)) == html


def test_usage_lists_placeholders_and_targets():
    used = inline.usage("[Ask {carrier}](contact_form) on {marketplace}")
    assert used == inline.Usage(placeholders=("carrier", "marketplace"), targets=("contact_form",))


@pytest.mark.parametrize(
    ("from_dir", "to_dir", "fragment", "url"),
    [
        ("", "finder", "", "finder/"),
        ("finder", "finder/not-flagged", "", "not-flagged/"),
        ("finder/not-flagged/accounts", "finder", "", "../../"),
        ("finder/a/b", "guide", "prepaid-label", "../../../guide/#prepaid-label"),
        ("guide", "guide", "prepaid-label", "#prepaid-label"),
        ("guide", "guide", "", "./"),
    ],
    ids=["root-to-finder", "down", "up", "across-with-fragment", "same-page-fragment", "same-page"],
)
def test_relative_url(from_dir, to_dir, fragment, url):
    assert relative_url(from_dir, to_dir, fragment) == url


@pytest.mark.parametrize(
    ("value", "unit", "locale", "shown"),
    [
        (0.55, "pound", "en-US", "0.55 lb"),
        (6, "pound", "en-US", "6 lb"),
        (0.25, "kilogram", "fr-FR", "0,25\u202fkg"),  # a decimal comma, and a narrow no-break space before the unit
        (2.7, "kilogram", "de-DE", "2,7 kg"),
    ],
    ids=["us-decimal", "us-whole", "fr-decimal-comma", "de-decimal-comma"],
)
def test_mass_is_written_as_the_locale_writes_it(value, unit, locale, shown):
    assert format_mass(Mass(value, unit), SiteLocale(locale)) == shown


@pytest.mark.parametrize(("count", "text"), [(1, "1 business day"), (2, "2 business days"), (0, "0 business days")])
def test_count_picks_the_cldr_plural_form(count, text):
    forms = {"one": "{count} business day", "other": "{count} business days"}
    assert format_count(count, forms, SiteLocale("en-US")) == text


def test_count_falls_back_to_other_when_a_form_is_missing():
    assert format_count(1, {"other": "{count} x"}, SiteLocale("en-US")) == "1 x"
