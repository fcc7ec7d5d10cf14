"""A language's plural forms for whole numbers, from CLDR (Babel), as gettext's ``Plural-Forms`` says them.

A text with a count is one catalog entry with one ``msgstr[index]`` per CLDR plural category the language
uses for whole numbers, in CLDR's order (zero, one, two, few, many, other). French has three (``one``: 0 and
1, ``many``: 1000000, ``other``: 2), German two, Polish three (its ``other`` is for fractions only, and a
count is a whole number), Japanese one.

Babel's own gettext table (``babel.messages.plurals``) predates CLDR's ``many`` for French, Spanish and
Italian, and :func:`babel.plural.to_gettext` writes CLDR's operand ``e``, which gettext does not know. So the
expression is compiled here from Babel's CLDR rules for a whole number ``n``: ``i`` is ``n``, and the
operands of fractions and exponents (``v``, ``w``, ``f``, ``t``, ``e``, ``c``) are 0, which folds most
conditions away (``e in 0`` is true, ``e not in 0..5`` false). The tests compare the expression with
Babel's ``plural_form`` on every number from 0 to 2000 and on millions.

>>> forms = plural_forms(babel.Locale.parse("fr"))
>>> forms.header
'nplurals=3; plural=n == 0 || n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;'
>>> forms.describe(1)
'msgstr[1] (many: 1000000, 2000000, 3000000, …)'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import babel
from babel.plural import PluralRule

#: CLDR's plural categories, in the order of their ``msgstr`` index.
CATEGORY_ORDER = ("zero", "one", "two", "few", "many", "other")

#: Whole numbers that reach every category a language has: CLDR's rules for whole numbers look at the number
#: and its remainders by 10, 100, 1000 and 1000000 only.
SAMPLE = (
    *range(2001),
    *(
        millions * 1_000_000 + rest
        for millions in (1, 2, 3, 10, 100, 1000)
        for rest in (0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 100, 101, 102, 111, 1000)
    ),
)

#: How many example numbers a translator is shown per form.
EXAMPLES = 3


@dataclass(frozen=True)
class PluralForms:
    """A language's plural forms: the category of each ``msgstr`` index, and gettext's expression."""

    #: The CLDR category of each ``msgstr`` index.
    categories: tuple[str, ...]
    #: The C expression that gives the index of a number ``n`` (GNU gettext's syntax).
    expression: str
    #: The first numbers of each category.
    examples: Mapping[str, tuple[int, ...]]

    @property
    def nplurals(self) -> int:
        return len(self.categories)

    @property
    def header(self) -> str:
        """The value of the catalog's ``Plural-Forms`` header."""
        return f"nplurals={self.nplurals}; plural={self.expression};"

    def describe(self, index: int) -> str:
        """Name a form for a translator: ``msgstr[1] (many: 1000000, 2000000, …)``."""
        category = self.categories[index]
        numbers = ", ".join(str(number) for number in self.examples[category])
        return f"msgstr[{index}] ({category}: {numbers}, …)"


@functools.lru_cache(maxsize=64)
def plural_forms(language: babel.Locale) -> PluralForms:
    """Return the plural forms of ``language`` for whole numbers."""
    return compiled(language.plural_form)


def compiled(rule: PluralRule) -> PluralForms:
    """Return the plural forms of a CLDR plural ``rule`` for whole numbers: the categories a whole number
    reaches, and the gettext expression that picks one."""
    found: dict[str, list[int]] = {}
    for number in SAMPLE:
        found.setdefault(rule(number), []).append(number)
    categories = tuple(category for category in CATEGORY_ORDER if category in found)
    conditions = dict(rule.abstract)
    branches = [f"{_compile(conditions[category])[1]} ? {index} : " for index, category in enumerate(categories[:-1])]
    expression = "".join(branches) + str(len(categories) - 1)
    examples = {category: tuple(found[category][:EXAMPLES]) for category in categories}
    return PluralForms(categories, expression, examples)


#: A compiled condition: its precedence (0: a constant, 1: ``||``, 2: ``&&`` or a comparison, which ``&&``
#: and ``||`` both take without brackets) and its text, or a constant's value.
_Compiled = tuple[int, Any]


def _compile(node: Any) -> _Compiled:
    """Compile a node of Babel's plural rule tree for a whole number ``n``, folding what is constant."""
    kind, arguments = node
    if kind in ("and", "or"):
        left, right = (_compile(argument) for argument in arguments)
        return _logical(kind, left, right)
    if kind == "not" and arguments[0][0] == "relation":  # Babel negates only relations (``!=``)
        return _relation(*arguments[0][1], negated=True)
    if kind == "relation":
        return _relation(*arguments)
    raise ValueError(f"unknown plural rule node {kind!r}")


def _logical(kind: str, left: _Compiled, right: _Compiled) -> _Compiled:
    decides = kind == "or"  # the constant that decides the whole: true for "or", false for "and"
    for one, other in ((left, right), (right, left)):
        if one[0] == 0:
            return (0, decides) if one[1] == decides else other
    level = 1 if kind == "or" else 2
    operator = " || " if kind == "or" else " && "
    parts = [text if part_level >= level else f"({text})" for part_level, text in (left, right)]
    return level, operator.join(parts)


def _operand(node: Any) -> int | str:
    """An operand of a relation: a constant, or the text of ``n`` or of a remainder of it."""
    kind, arguments = node
    if kind in ("n", "i"):
        return "n"
    if kind in ("v", "w", "f", "t", "e", "c"):  # a whole number has no fraction and no exponent
        return 0
    if kind == "value":
        return int(arguments[0])
    if kind == "mod":
        number, divisor = (_operand(argument) for argument in arguments)
        if isinstance(number, int) and isinstance(divisor, int):
            return number % divisor
        return f"{number} % {divisor}"
    raise ValueError(f"unknown plural rule operand {kind!r}")


def _relation(method: str, expression: Any, ranges: Any, *, negated: bool = False) -> _Compiled:
    """Compile ``expression in ranges`` (``within`` is the same for a whole number), or its negation."""
    operand = _operand(expression)
    bounds = [(_operand(low), _operand(high)) for low, high in ranges[1]]
    if isinstance(operand, int):
        return 0, negated != any(low <= operand <= high for low, high in bounds)  # type: ignore[operator]
    tests = [_in_range(operand, low, high, negated) for low, high in bounds]
    if len(tests) == 1:
        return _level(tests[0]), tests[0]
    if negated:  # not in any of them
        return 2, " && ".join(test if _level(test) >= 2 else f"({test})" for test in tests)
    return 1, " || ".join(tests)


def _in_range(operand: str, low: Any, high: Any, negated: bool) -> str:
    if low == high:
        return f"{operand} {'!=' if negated else '=='} {low}"
    if low == 0:  # a whole number and its remainders are never negative
        return f"{operand} {'>' if negated else '<='} {high}"
    if negated:
        return f"{operand} < {low} || {operand} > {high}"
    return f"{operand} >= {low} && {operand} <= {high}"


def _level(test: str) -> int:
    return 1 if "||" in test else 2
