"""A language's Plural-Forms header is CLDR's, for whole numbers, and gettext reads it as CLDR does.

The oracle is Babel's ``plural_form`` (CLDR's rules): the gettext expression, evaluated by the standard
library's ``gettext.c2py`` (the C syntax msgfmt reads), must give every number the index of the category
Babel gives it. The numbers of forms are written by hand from CLDR's rules for whole numbers: French, Spanish,
Italian and Portuguese add "many" for a million; Polish and Russian use "other" only for fractions, so a count
has three forms there; Arabic six, Japanese one.
"""

from __future__ import annotations

import gettext
import subprocess
from collections.abc import Callable

import babel
import pytest
from babel.localedata import locale_identifiers
from babel.plural import PluralRule
from test_gettext import gettext_tools

from generator.i18n.plural_rules import CATEGORY_ORDER, PluralForms, compiled, plural_forms


@pytest.fixture(autouse=True)
def compiled_afresh():
    """Each test compiles the rules itself: a header another test cached would hide a broken compiler (and the
    mutants a mutation run plants in it)."""
    plural_forms.cache_clear()


NUMBERS = [
    *range(2001),
    *(millions * 10**6 + rest for millions in (1, 2, 5, 10, 21, 100) for rest in (0, 1, 2, 4, 5, 11, 22, 101)),
    10**7,
    10**9,
    123_456_789,
]


def disagreements(forms: PluralForms, rule: Callable[[int], str], numbers: list[int]) -> list[tuple[int, str, str]]:
    """Each number whose form, as gettext picks it with the header's expression, is not the category CLDR's
    ``rule`` gives it: the number, the category of gettext's form, and CLDR's."""
    index_of = gettext.c2py(forms.expression)
    return [(n, forms.categories[index_of(n)], rule(n)) for n in numbers if forms.categories[index_of(n)] != rule(n)]


LANGUAGES = [
    pytest.param("fr", 3, ("one", "many", "other"), id="fr"),
    pytest.param("es", 3, ("one", "many", "other"), id="es"),
    pytest.param("it", 3, ("one", "many", "other"), id="it"),
    pytest.param("pt", 3, ("one", "many", "other"), id="pt"),
    pytest.param("de", 2, ("one", "other"), id="de"),
    pytest.param("en", 2, ("one", "other"), id="en"),
    pytest.param("pl", 3, ("one", "few", "many"), id="pl"),
    pytest.param("ru", 3, ("one", "few", "many"), id="ru"),
    pytest.param("ar", 6, ("zero", "one", "two", "few", "many", "other"), id="ar"),
    pytest.param("ja", 1, ("other",), id="ja"),
]


@pytest.mark.parametrize(("language", "nplurals", "categories"), LANGUAGES)
def test_the_forms_of_a_count_are_cldrs_for_whole_numbers_in_cldrs_order(language, nplurals, categories):
    forms = plural_forms(babel.Locale.parse(language))

    assert (forms.nplurals, forms.categories) == (nplurals, categories)
    assert forms.header.startswith(f"nplurals={nplurals}; plural=")
    assert list(forms.categories) == sorted(forms.categories, key=CATEGORY_ORDER.index)


@pytest.mark.parametrize(("language", "nplurals", "categories"), LANGUAGES)
def test_gettext_picks_the_form_cldr_picks_for_every_number(language, nplurals, categories):
    locale = babel.Locale.parse(language)
    forms = plural_forms(locale)
    index_of = gettext.c2py(forms.expression)

    assert disagreements(forms, locale.plural_form, NUMBERS) == []
    assert {index_of(n) for n in NUMBERS} == set(range(nplurals))  # every form is used


#: Every language of Babel's CLDR data (312 with Babel 2.18).
EVERY_LANGUAGE = sorted({identifier.split("_")[0] for identifier in locale_identifiers()})


@pytest.mark.parametrize("language", EVERY_LANGUAGE)
def test_gettext_picks_the_form_cldr_picks_in_every_language(language):
    """The compiler meets every kind of rule CLDR has (a remainder, a range, a list, a negated list, ``or`` in
    ``and``), and is held to Babel on each language's whole numbers up to 1000 and on millions."""
    locale = babel.Locale.parse(language)

    assert disagreements(plural_forms(locale), locale.plural_form, NUMBERS[:1001] + NUMBERS[2001:]) == []


def test_a_whole_number_has_no_fraction_digits_and_no_exponent():
    """Every operand CLDR defines for the digits after the point, or for the exponent, is 0 for a count."""
    rule = PluralRule(
        {
            "one": "i = 1 and v = 0 and w = 0 and f = 0 and t = 0 and e = 0 and c = 0",
            "few": "n % 10 = 2..4 and n % 100 != 12..14",
            "many": "v != 0 or f != 0 or t = 1..9 or w != 0 or e = 1..5 or c != 0",
        }
    )

    forms = compiled(rule)

    assert forms.header == (
        "nplurals=3; plural=n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;"
    )
    assert forms.categories == ("one", "few", "other")


#: ``n % 100`` from 2 to 9 is "one", from 10 to 99 "few", 0 and 1 "other": a range that starts at 0 negated.
TENS = {"one": "n % 100 = 2..9", "few": "n % 100 != 0..9"}


@pytest.mark.parametrize(
    ("rules", "header"),
    [
        pytest.param(
            TENS, "nplurals=3; plural=n % 100 >= 2 && n % 100 <= 9 ? 0 : n % 100 > 9 ? 1 : 2;", id="not-from-zero"
        ),
        pytest.param(
            {"one": "n = 1", "few": "n != 0..1 and n != 5..6"},
            "nplurals=3; plural=n == 1 ? 0 : n > 1 && (n < 5 || n > 6) ? 1 : 2;",
            id="not-from-zero-and-not-in-a-range",
        ),
        pytest.param(
            {"one": "n = 1", "few": "n != 0..1,5..6"},
            "nplurals=3; plural=n == 1 ? 0 : n > 1 && (n < 5 || n > 6) ? 1 : 2;",
            id="in-none-of-a-list-of-ranges",
        ),
    ],
)
def test_a_rule_no_language_has_yet_is_compiled_as_cldr_reads_it(rules, header):
    rule = PluralRule(rules)

    forms = compiled(rule)

    assert forms.header == header
    assert disagreements(forms, rule, NUMBERS) == []


class _Rule:
    """A plural rule as Babel gives it, with a tree a newer CLDR could bring: "one" for 1, "other" for the rest."""

    def __init__(self, node: object) -> None:
        self.abstract = [("one", node)]

    def __call__(self, number: int) -> str:
        return "one" if number == 1 else "other"


_ONE = ("relation", ("in", ("n", ()), ("range_list", [(("value", (1,)), ("value", (1,)))])))


@pytest.mark.parametrize(
    ("node", "message"),
    [
        pytest.param(("xor", (_ONE, _ONE)), "unknown plural rule node 'xor'", id="a-new-connective"),
        pytest.param(
            ("not", (("and", (_ONE, _ONE)),)), "unknown plural rule node 'not'", id="not-of-more-than-one-test"
        ),
        pytest.param(
            ("relation", ("in", ("q", ()), _ONE[1][2])), "unknown plural rule operand 'q'", id="a-new-operand"
        ),
    ],
)
def test_a_rule_tree_the_compiler_does_not_know_is_refused_by_name_not_guessed(node, message):
    with pytest.raises(ValueError, match=f"^{message}$"):
        compiled(_Rule(node))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "header"),
    [
        pytest.param("fr", "nplurals=3; plural=n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;", id="fr"),
        pytest.param("de", "nplurals=2; plural=n == 1 ? 0 : 1;", id="de"),
        pytest.param("ja", "nplurals=1; plural=0;", id="ja"),
        # A negated range inside "and" needs its brackets; "and" inside "or" needs none.
        pytest.param(
            "ru",
            "nplurals=3; plural=n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
            "(n % 100 < 12 || n % 100 > 14) ? 1 : 2;",
            id="ru",
        ),
        pytest.param(
            "lv",
            "nplurals=3; plural=n % 10 == 0 || n % 100 >= 11 && n % 100 <= 19 ? 0 : n % 10 == 1 && n % 100 != 11 ? 1 "
            ": 2;",
            id="lv",
        ),
        # "or" inside "and" needs brackets; a negated list is "!=" joined by "&&".
        pytest.param(
            "br",
            "nplurals=5; plural=n % 10 == 1 && n % 100 != 11 && n % 100 != 71 && n % 100 != 91 ? 0 : n % 10 == 2 && "
            "n % 100 != 12 && n % 100 != 72 && n % 100 != 92 ? 1 : (n % 10 >= 3 && n % 10 <= 4 || n % 10 == 9) && "
            "(n % 100 < 10 || n % 100 > 19) && (n % 100 < 70 || n % 100 > 79) && (n % 100 < 90 || n % 100 > 99) ? 2 "
            ": n != 0 && n % 1000000 == 0 ? 3 : 4;",
            id="br",
        ),
        pytest.param(
            "fil",
            "nplurals=2; plural=n == 1 || n == 2 || n == 3 || n % 10 != 4 && n % 10 != 6 && n % 10 != 9 ? 0 : 1;",
            id="fil",
        ),
    ],
)
def test_the_expression_is_compact_and_has_only_n(language, header):
    assert plural_forms(babel.Locale.parse(language)).header == header


@pytest.mark.parametrize(("language", "nplurals", "categories"), LANGUAGES)
def test_msgfmt_accepts_the_header(tmp_path, language, nplurals, categories):
    msgfmt, _ = gettext_tools()
    forms = plural_forms(babel.Locale.parse(language))
    strings = "".join(f'msgstr[{index}] "{category} {{count}}"\n' for index, category in enumerate(categories))
    po = tmp_path / "catalog.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: {language}\\n"\n"Plural-Forms: {forms.header}\\n"\n\n'
        f'msgid "{{count}} day"\nmsgid_plural "{{count}} days"\n{strings}',
        encoding="utf-8",
    )

    done = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "catalog.mo"), str(po)], capture_output=True, text=True, check=False
    )

    said = [line for line in done.stderr.splitlines() if "warning: header field" not in line]  # a toy's header
    assert (done.returncode, said) == (0, [])
    with (tmp_path / "catalog.mo").open("rb") as compiled:
        translated = gettext.GNUTranslations(compiled)
    locale = babel.Locale.parse(language)
    for number in (0, 1, 2, 5, 22, 1_000_000):
        assert translated.ngettext("{count} day", "{count} days", number) == f"{locale.plural_form(number)} {{count}}"
