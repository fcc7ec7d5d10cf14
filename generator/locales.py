"""Locales: a language for the wording plus a market for the values.

``en-US`` reads English and takes its carrier, units and links from the
``us`` market. A locale never borrows a value from another market.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale as BabelLocale

#: The locale the content is written in.
SOURCE_LOCALE = "en-US"


@dataclass(frozen=True)
class SiteLocale:
    """A published locale, from its BCP 47 tag such as ``en-US``."""

    tag: str

    @property
    def language(self) -> str:
        return self.tag.split("-")[0].lower()

    @property
    def market(self) -> str:
        return self.tag.split("-")[1].lower()

    @property
    def slug(self) -> str:
        """The folder and URL prefix of the locale, e.g. ``en-us``."""
        return self.tag.lower()

    @property
    def babel(self) -> BabelLocale:
        return BabelLocale.parse(self.tag, sep="-")
