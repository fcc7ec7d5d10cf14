"""The pseudo-locale en-XA: every letter accented, placeholders, link targets and names kept, the text padded
by about 35 % (rounded up) and bracketed, so that a hard-coded English string shows.

The expected texts are accented by hand, letter by letter, from the table in generator/i18n/pseudo.py.
"""

from __future__ import annotations

import pytest

from generator.i18n.pseudo import is_pseudo, pseudo, pseudo_material_language


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        pytest.param("", (), "⟦ ⟧", id="empty-no-padding"),
        pytest.param("Ab", (), "⟦Åƀ ~⟧", id="padding-rounded-up"),
        pytest.param("Twenty letters here.", (), "⟦Ţŵéñţý ĺéţţéŕš ĥéŕé. ~~~~~~~⟧", id="padding-exact"),
        pytest.param("Pay {count} now", (), "⟦Þåý {count} ñóŵ ~~~~~~⟧", id="placeholder"),
        pytest.param("Pay {Count}", (), "⟦Þåý {Çóûñţ} ~~~~⟧", id="not-a-placeholder"),
        pytest.param("[Write](contact_form)", (), "⟦[Ŵŕîţé](contact_form) ~~~~~~~~⟧", id="link-target"),
        pytest.param("Back Market", ("Back", "Back Market"), "⟦Back Market ~~~~⟧", id="longest-name-first"),
        pytest.param("Back to UPS", ("UPS", "Back"), "⟦Back ţó UPS ~~~~⟧", id="every-name"),
    ],
)
def test_a_text_is_accented_padded_and_bracketed(text, names, expected):
    assert pseudo(text, names) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        pytest.param("⟦Šĥîþ⟧", (), True, id="pseudo"),
        pytest.param("Šĥîþ", (), True, id="a-part-of-a-pseudo-text"),
        pytest.param("⟦ ~~~⟧", (), True, id="brackets-without-letters"),
        pytest.param("⟦123", (), True, id="opening-bracket"),
        pytest.param("123 ⟧", (), True, id="closing-bracket"),
        pytest.param("Café", (), False, id="english"),
        pytest.param("Šĥîþ now", (), False, id="one-english-word"),
        pytest.param("", (), False, id="empty"),
        pytest.param("123", (), False, id="no-letters-no-brackets"),
        pytest.param("⟦Šĥîþ UPS⟧", ("UPS",), True, id="a-name-is-kept"),
        pytest.param("⟦Šĥîþ UPS⟧", (), False, id="a-name-not-listed"),
        pytest.param("UPS", ("UPS",), False, id="only-a-name"),
        pytest.param("⟦Back Market⟧", ("Back", "Back Market"), True, id="longest-name-first"),
        pytest.param("⟦Back Market⟧", ("Market", "Back Market"), True, id="longest-name-first-not-alphabetical"),
    ],
)
def test_a_pseudo_localized_text_is_told_from_english(text, names, expected):
    assert is_pseudo(text, names) is expected


def test_materials_interface_texts_are_pseudo_localized_but_its_configuration_is_kept():
    english = (
        '{"language": "en", "direction": "ltr", "search.config.lang": "en", '
        '"search.config.pipeline": "stopWordFilter", "search.config.separator": "[\\\\s]+", '
        '"clipboard.copy": "Copy to clipboard", "search.result.none": "Say \\"hi\\""}'
    )

    assert pseudo_material_language(english, "en-XA") == (
        '{"language": "en-XA", "direction": "ltr", "search.config.lang": "en", '
        '"search.config.pipeline": "stopWordFilter", "search.config.separator": "[\\\\s]+", '
        '"clipboard.copy": "⟦Çóþý ţó çĺîþƀóåŕđ ~~~~~~⟧", "search.result.none": "⟦Šåý \\"ĥî\\" ~~~~⟧"}'
    )
