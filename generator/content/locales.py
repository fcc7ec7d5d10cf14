"""Locales: a language for the wording plus a market for the values.

``fr-FR`` reads French and takes its units, and its values of facts and links, from the
``fr`` market. A locale never borrows a value from another market.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from babel import Locale as BabelLocale
from babel.core import get_global
from babel.localedata import locale_identifiers

from generator.content.variants import parents

#: The locale the content is written in, when content/locales.yaml does not say.
SOURCE_LOCALE = "en-US"
#: The pseudo-locale the tests build to find hard-coded strings; never published.
PSEUDO_LOCALE = "en-XA"
#: The shape of a locale tag: a language in lower case, a hyphen, a region in upper case.
TAG_PATTERN = "^[a-z]{2,3}-[A-Z]{2}$"


def tag_problem(tag: str) -> str | None:
    """Say what is wrong with a locale tag, with the tag probably meant; ``None`` if CLDR knows it.

    >>> tag_problem("it-IT") is None
    True
    >>> tag_problem("it-It")
    "'it-It' is not a tag like fr-FR (language in lower case, region in upper case): did you mean 'it-IT'?"
    >>> tag_problem("gb-EN")
    "'gb-EN' is not a locale CLDR knows: did you mean 'en-GB'?"
    """
    known = _cldr_tags()
    if tag in known:
        return None
    guesses = []
    parts = tag.replace("_", "-").split("-")
    if len(parts) == 2:
        language, region = parts
        guesses = [f"{language.lower()}-{region.upper()}", f"{region.lower()}-{language.upper()}"]
        likely = get_global("likely_subtags").get(language.lower(), "").split("_")  # e.g. fr → fr_Latn_FR
        guesses.append(f"{language.lower()}-{likely[-1]}")
    close = [guess for guess in guesses if guess in known] or difflib.get_close_matches(tag, sorted(known), n=1)
    hint = f": did you mean '{close[0]}'?" if close else ""
    if re.fullmatch(TAG_PATTERN, tag):
        return f"'{tag}' is not a locale CLDR knows{hint}"
    return f"'{tag}' is not a tag like fr-FR (language in lower case, region in upper case){hint}"


def canonical_tag(tag: str) -> str | None:
    """Return the tag CLDR knows that ``tag`` names in any letter case, or ``None``.

    Site addresses write every tag in lower case (``/fr-fr/``), so ``fr-fr`` is as good as ``fr-FR``.

    >>> canonical_tag("fr-fr"), canonical_tag("NL-nl"), canonical_tag("en-XA"), canonical_tag("fr_FR")
    ('fr-FR', 'nl-NL', None, None)
    """
    return _cldr_tags_by_lower_case().get(tag.lower())


@cache
def _cldr_tags_by_lower_case() -> dict[str, str]:
    return {known.lower(): known for known in _cldr_tags()}


@cache
def _cldr_tags() -> frozenset[str]:
    """Every language-REGION locale of CLDR (Babel's data), as a tag: ``fr-FR``, ``en-GB``."""
    tags = (identifier.replace("_", "-") for identifier in locale_identifiers())
    return frozenset(tag for tag in tags if tag.count("-") == 1 and len(tag.split("-")[1]) == 2)


def locale_slug(tag: str) -> str:
    """The folder and URL prefix of the locale ``tag``: ``fr-FR`` → ``fr-fr``."""
    return tag.lower()


@dataclass(frozen=True)
class SiteLocale:
    """A locale of the site, from its BCP 47 tag such as ``fr-FR``, and its market."""

    tag: str
    market: str = ""

    def __post_init__(self) -> None:
        if not self.market:
            object.__setattr__(self, "market", self.tag.split("-")[1].lower())

    @property
    def language(self) -> str:
        return self.tag.split("-")[0].lower()

    @property
    def slug(self) -> str:
        """The folder and URL prefix of the locale, e.g. ``fr-fr``."""
        return locale_slug(self.tag)

    @property
    def is_pseudo(self) -> bool:
        return self.tag == PSEUDO_LOCALE

    @property
    def babel(self) -> BabelLocale:
        """Babel's locale for CLDR data; the pseudo-locale formats like its source."""
        tag = SOURCE_LOCALE if self.tag == PSEUDO_LOCALE else self.tag
        return BabelLocale.parse(tag, sep="-")

    @property
    def name(self) -> str:
        """The locale's name in its own language, e.g. ``français (France)``; the pseudo-locale's tag."""
        return self.tag if self.is_pseudo else self.babel.get_display_name(self.babel) or self.tag


@dataclass(frozen=True)
class LocaleSettings:
    """What content/locales.yaml says: the source locale, the published ones, the names and their forms."""

    source: SiteLocale
    published: tuple[SiteLocale, ...]
    names: tuple[str, ...] = field(default=())
    #: Per locale tag, words around a name and how the language writes them: ``{"de UPS": "d’UPS"}``.
    name_forms: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: Per locale tag, the tag of the locale it inherits its wording from (:mod:`generator.content.variants`).
    parents: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> LocaleSettings:
        published = tuple(SiteLocale(item["tag"], item["market"]) for item in data["published"])
        source = next((locale for locale in published if locale.tag == data["source"]), SiteLocale(data["source"]))
        forms = {item["tag"]: dict(item["name_forms"]) for item in data["published"] if item.get("name_forms")}
        return cls(source, published, tuple(data.get("names", ())), forms, parents(data))

    @classmethod
    def default(cls) -> LocaleSettings:
        """The settings when there is no locales.yaml: the source locale alone."""
        source = SiteLocale(SOURCE_LOCALE)
        return cls(source, (source,))

    def find(self, tag: str) -> SiteLocale | None:
        """Return the published locale named ``tag``, in any letter case (``fr-fr`` finds ``fr-FR``)."""
        return next((locale for locale in self.published if locale.tag.lower() == tag.lower()), None)

    def parent_of(self, locale: SiteLocale) -> SiteLocale | None:
        """The published locale ``locale`` inherits its wording from, or ``None``."""
        tag = self.parents.get(locale.tag)
        return self.find(tag) if tag is not None else None

    def ancestors(self, locale: SiteLocale) -> list[SiteLocale]:
        """The locales ``locale`` inherits from, nearest first (none twice, so a loop of parents ends)."""
        found: list[SiteLocale] = []
        parent = self.parent_of(locale)
        while parent is not None and parent != locale and parent not in found:
            found.append(parent)
            parent = self.parent_of(parent)
        return found

    @property
    def with_catalogs(self) -> tuple[SiteLocale, ...]:
        """The published locales that read a catalog, parents before the locales that inherit from them: every
        locale but the source, whose wording is the YAML (a locale in the source language may have a catalog
        of its own texts, :meth:`reads_source`)."""
        others = [locale for locale in self.published if locale != self.source]
        return tuple(sorted(others, key=lambda locale: len(self.ancestors(locale))))

    @property
    def translated(self) -> tuple[SiteLocale, ...]:
        """The published locales that read a catalog (all but the source)."""
        return tuple(locale for locale in self.published if not self.reads_source(locale))

    def reads_source(self, locale: SiteLocale) -> bool:
        """Return whether ``locale`` reads the source language (en-GB beside en-US): it needs no catalog.

        The pseudo-locale (en-XA) is English too, but reads its own, generated translations.
        """
        return locale.language == self.source.language and not locale.is_pseudo
