"""Apply a locale's translations to the content, falling back to English visibly.

The result has the same shape as the source content, so templates do not
know whether a text was translated. Which texts fell back is recorded where
each text is looked up, in :attr:`Content.untranslated`, and the renderer
asks it for every text and value it shows: a fallback is marked with a
``lang`` attribute and counted in the page's notice, whatever rendering does
to it (placeholders, plural forms, units, links).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from collections.abc import Hashable
from typing import Any

from generator.content.diagnostics import ContentError, Diagnostic, Position
from generator.content.load import KeyPath
from generator.content.locales import PSEUDO_LOCALE, SiteLocale
from generator.content.model import HelpCenter, Interface, Policy
from generator.content.references import policy_texts
from generator.content.reuse import Kept, Same
from generator.helpcenter.folder import KEPT_POLICIES, CheckedPolicy, Content
from generator.i18n.catalogs import Translations
from generator.i18n.messages import (
    HELP_CENTER_CONTEXT,
    UNITS_CONTEXT,
    interface_texts,
    message_context,
    policy_context,
    translatable,
)
from generator.i18n.plural_rules import plural_forms
from generator.i18n.pseudo import pseudo
from generator.i18n.variants import Inherited


class _Lookup:
    """Looks texts up in one locale's translations, remembering which fell back to the source."""

    def __init__(self, translations: Translations, source_lang: str) -> None:
        self.translations = translations
        self.source_lang = source_lang
        self.fallbacks: set[str] = set()
        self.translated: set[str] = set()

    def __call__(self, context: str, english: str) -> str:
        translated = self.translations.get(context)
        if translated is None:
            self.fallbacks.add(english)
            return english
        self.translated.add(translated)
        return translated

    def forms(self, context: str, english: dict[str, str]) -> dict[str, str]:
        """The forms of a text with a count, by CLDR category; ``english``'s when it must fall back."""
        translated = self.translations.forms(context)
        if translated is None:
            self.fallbacks.update(english.values())
            return english
        self.translated.update(translated.values())
        return translated

    def untranslated(self) -> dict[str, str]:
        """The texts shown in the source language, with its tag.

        A text the locale also shows as a translation of another message (a
        name, a word both languages share) is the locale's own word: unmarked.
        """
        return {text: self.source_lang for text in sorted(self.fallbacks - self.translated)}


def localize(content: Content, locale: SiteLocale) -> Content:
    """Return ``content`` as ``locale`` reads it: translated wording, the same logic."""
    if content.locales.reads_source(locale) and locale.tag not in content.translations:
        return content  # the source language, whatever the market, with no text of its own
    translations = content.translations.get(locale.tag) or Translations(None, content.messages, locale)
    pick = _Lookup(translations, content.locales.source.tag)
    # A policy's texts are translated from the catalog and its own English alone: kept per policy file, so that
    # a preview in this locale translates only the policy that was edited. Generated translations (the
    # pseudo-locale's) depend on every policy's names: kept for these translations only.
    source = _translated_from(translations)
    policies = []
    for checked in content.policies:
        work = functools.partial(_localized_policy, checked, translations, content.locales.source.tag)
        localized, fallbacks, translated = _localized.get(
            (checked.document.file, locale.tag), (Same(checked), source), work
        )
        pick.fallbacks |= fallbacks
        pick.translated |= translated
        policies.append(localized)
    shared_data = copy.deepcopy(content.help_center_document.data)
    for path, text in [(path, text) for path, text in policy_texts(shared_data) if translatable(text)]:
        _put(shared_data, path, pick(message_context(shared_data, HELP_CENTER_CONTEXT, path), text))
    interface_data = copy.deepcopy(content.interface_document.data)
    for path, text in list(interface_texts(interface_data)):
        if path[0] == "units":
            continue
        _put(interface_data, path, pick(message_context(interface_data, "interface", path), text))
    categories = plural_forms(locale.babel).categories
    for unit, forms in interface_data["units"].items():
        english = {category: forms.get(category) or forms["other"] for category in categories}
        shown = pick.forms(f"{UNITS_CONTEXT}{unit}", english)
        # A language whose whole numbers never take "other" (Polish) still gets one, the form a count falls to.
        interface_data["units"][unit] = {"other": shown[categories[-1]], **shown}
    return dataclasses.replace(
        content,
        policies=tuple(policies),
        help_center=HelpCenter.from_data(shared_data, content.help_center_document.position),
        interface=Interface.from_data(interface_data),
        untranslated=pick.untranslated(),
    )


def _translated_from(translations: Translations) -> Hashable:
    """What a locale's texts are worked out from, besides the English: its catalog, and those it inherits from."""
    if isinstance(translations, Inherited):
        return tuple(Same(catalog) for catalog in translations.catalogs)
    return Same(translations.catalog if translations.catalog is not None else translations)


#: Each policy as a locale reads it, with the texts it shows in English and those it translates, by policy file
#: and locale.
_localized: Kept[tuple[Same, Hashable], tuple[CheckedPolicy, frozenset[str], frozenset[str]]] = Kept(KEPT_POLICIES)


def _localized_policy(
    checked: CheckedPolicy, translations: Translations, source_lang: str
) -> tuple[CheckedPolicy, frozenset[str], frozenset[str]]:
    """The policy with its texts translated, the texts that fell back to English and those translated."""
    pick = _Lookup(translations, source_lang)
    policy_data = copy.deepcopy(checked.document.data)
    prefix = policy_context(policy_data)
    for path, text in list(policy_texts(policy_data)):
        if translatable(text):
            _put(policy_data, path, pick(message_context(policy_data, prefix, path), text))
    localized = dataclasses.replace(checked, policy=Policy.from_data(policy_data, checked.document.position))
    return localized, frozenset(pick.fallbacks), frozenset(pick.translated)


def _put(data: Any, path: KeyPath, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def resolve_locale(content: Content, tag: str) -> tuple[SiteLocale, Content]:
    """Return the published locale named ``tag`` (in any letter case) and the content that knows its translations.

    The pseudo-locale is resolved too: it reads the source locale's market, and
    its translations are generated from the English.
    """
    locale = content.locales.find(tag)
    if locale is not None:
        return locale, content
    if tag.lower() == PSEUDO_LOCALE.lower():
        tag = PSEUDO_LOCALE
        locale = SiteLocale(PSEUDO_LOCALE, content.locales.source.market)
        names = content.locales.names
        generated = Translations.source(content.messages, locale)
        generated.current = {context: pseudo(text, names) for context, text in generated.current.items()}
        generated.plurals = {
            context: {category: pseudo(text, names) for category, text in forms.items()}
            for context, forms in generated.plurals.items()
        }
        return locale, dataclasses.replace(content, translations={**content.translations, tag: generated})
    published = ", ".join(locale.tag for locale in content.locales.published)
    where = Position(content.policy_document.file.replace("policy.yaml", "locales.yaml"))
    raise ContentError([Diagnostic(where, f"{tag} is not a published locale (published: {published})")])


def material_language(locale: SiteLocale) -> str:
    """Return the name of Material's interface language for ``locale`` (the pseudo-locale's is English)."""
    return locale.babel.language
