"""The pseudo-locale ``en-XA``: every text accented, about 35 % longer, and bracketed.

Built by the tests, never published. A page of the pseudo-locale that still
shows plain English text has a string that does not come from a catalog: a
hard-coded string. Names listed in content/locales.yaml stay as they are.

>>> pseudo("Ship with {courier}", ())
'⟦Šĥîþ ŵîţĥ {courier} ~~~~~~~⟧'
>>> pseudo("[Write to us](contact_page)", ())
'⟦[Ŵŕîţé ţó ûš](contact_page) ~~~~~~~~~~⟧'
>>> pseudo("Ask Acme Shop", ("Acme Shop",))
'⟦Åšķ Acme Shop ~~~~~⟧'
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only the build's theme needs Jinja; `check` formats values with pseudo() and never loads it
    import jinja2

OPEN, CLOSE, PAD = "⟦", "⟧", "~"
_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķĺɱñóþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÓÞǪŔŠŢÛṼŴẊÝŽ",
)
#: Placeholders and link targets: kept as they are so the text still works.
_KEEP = re.compile(r"\{[a-z][a-z0-9_]*\}|\]\([a-z][a-z0-9_:-]*\)")
#: What Material's interface strings must keep: configuration, not wording.
_MATERIAL_KEEP = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}


def pseudo(text: str, names: Iterable[str]) -> str:
    """Return ``text`` pseudo-localized; placeholders, link targets and ``names`` are kept."""
    kept = [re.escape(name) for name in sorted(names, key=len, reverse=True)]
    pattern = re.compile("|".join([_KEEP.pattern, *kept]))
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(text[position : match.start()].translate(_ACCENTS))
        parts.append(match.group())
        position = match.end()
    parts.append(text[position:].translate(_ACCENTS))
    return f"{OPEN}{''.join(parts)} {PAD * math.ceil(len(text) * 0.35)}{CLOSE}"


_PSEUDO_LETTERS = frozenset(map(chr, _ACCENTS.values()))


def is_pseudo(text: str, names: Iterable[str] = ()) -> bool:
    """Return whether every letter of ``text``, outside ``names``, is one :func:`pseudo` writes.

    A part of a pseudo-localized text (a link's words, say) passes too; plain
    English, or a single accented word in it, does not.

    >>> is_pseudo("⟦Šĥîþ ŵîţĥ UPS ~~~⟧", ["UPS"]), is_pseudo("Café"), is_pseudo("Made with ⟧")
    (True, False, False)
    """
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    letters = [character for character in text if character.isalpha()]
    return all(letter in _PSEUDO_LETTERS for letter in letters) and (bool(letters) or OPEN in text or CLOSE in text)


def pseudo_material_language(english: str, tag: str) -> str:
    """Return Material's English interface file with every text pseudo-localized."""

    def replace(match: re.Match[str]) -> str:
        key, value = match.group(1), match.group(2)
        if key == "language":
            return f'"{key}": "{tag}"'
        if key in _MATERIAL_KEEP:
            return match.group()
        return f'"{key}": "{pseudo(value, ())}"'

    return re.sub(r'"([a-z.]+)": "((?:[^"\\]|\\.)*)"', replace, english)


#: Material's English interface texts, the file the pseudo-locale replaces.
MATERIAL_ENGLISH = "partials/languages/en.html"


def pseudo_material_loader(env: jinja2.Environment, tag: str) -> jinja2.BaseLoader:
    """Return ``env``'s template loader with Material's English interface texts pseudo-localized."""
    import jinja2

    assert env.loader is not None
    english, _, _ = env.loader.get_source(env, MATERIAL_ENGLISH)
    pseudo_texts = jinja2.DictLoader({MATERIAL_ENGLISH: pseudo_material_language(english, tag)})
    return jinja2.ChoiceLoader([pseudo_texts, env.loader])
