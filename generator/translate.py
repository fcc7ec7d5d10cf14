"""Apply a locale's translations to the content, falling back to English visibly.

The result has the same shape as the source content, so rendering does not
know whether a text was translated: each text that falls back is a
:class:`LocalText` that remembers its language, and the renderer marks it with
a ``lang`` attribute and puts a notice on the page.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from generator.catalogs import Translations
from generator.content import Content
from generator.diagnostics import ContentError, Diagnostic, Position
from generator.load import KeyPath
from generator.locales import PSEUDO_LOCALE, SiteLocale
from generator.messages import UNITS_CONTEXT, interface_texts, message_context
from generator.model import Interface, Policy
from generator.pseudo import pseudo
from generator.references import policy_texts


class LocalText(str):
    """A text shown in another language than the page's, because its translation is stale or missing."""

    __slots__ = ("lang",)
    lang: str

    def __new__(cls, text: str, lang: str) -> LocalText:
        value = super().__new__(cls, text)
        value.lang = lang
        return value


def fallback_lang(text: str) -> str | None:
    """Return the language ``text`` falls back to, or ``None`` when it is in the page's language."""
    return text.lang if isinstance(text, LocalText) else None


def localize(content: Content, locale: SiteLocale) -> Content:
    """Return ``content`` as ``locale`` reads it: translated wording, the same logic."""
    if content.locales.reads_source(locale):  # the source language, whatever the market
        return content
    translations = content.translations.get(locale.tag) or Translations(None, content.messages, locale)
    source_lang = content.locales.source.tag
    policy_data = copy.deepcopy(content.policy_document.data)
    for path, text in list(policy_texts(policy_data)):
        if path == ("marketplace",):
            continue
        _put(policy_data, path, _pick(translations, message_context(policy_data, "policy", path), text, source_lang))
    interface_data = copy.deepcopy(content.interface_document.data)
    for path, text in list(interface_texts(interface_data)):
        if path[0] == "units":
            continue
        _put(
            interface_data,
            path,
            _pick(translations, message_context(interface_data, "interface", path), text, source_lang),
        )
    for unit, forms in interface_data["units"].items():
        interface_data["units"][unit] = {
            category: _pick(
                translations, f"{UNITS_CONTEXT}{unit}/{category}", forms.get(category) or forms["other"], source_lang
            )
            for category in locale.plural_categories
        }
    return dataclasses.replace(
        content,
        policy=Policy.from_data(policy_data, content.policy_document.position),
        interface=Interface.from_data(interface_data),
    )


def _pick(translations: Translations, context: str, english: str, source_lang: str) -> str:
    translated = translations.get(context)
    return translated if translated is not None else LocalText(english, source_lang)


def _put(data: Any, path: KeyPath, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def resolve_locale(content: Content, tag: str) -> tuple[SiteLocale, Content]:
    """Return the published locale named ``tag`` and the content that knows its translations.

    The pseudo-locale is resolved too: it reads the source locale's market, and
    its translations are generated from the English.
    """
    locale = content.locales.find(tag)
    if locale is not None:
        return locale, content
    if tag == PSEUDO_LOCALE:
        locale = SiteLocale(PSEUDO_LOCALE, content.locales.source.market)
        names = content.locales.names
        generated = Translations.source(content.messages, locale)
        generated.current = {context: pseudo(text, names) for context, text in generated.current.items()}
        return locale, dataclasses.replace(content, translations={**content.translations, tag: generated})
    published = ", ".join(locale.tag for locale in content.locales.published)
    where = Position(content.policy_document.file.replace("policy.yaml", "locales.yaml"))
    raise ContentError([Diagnostic(where, f"{tag} is not a published locale (published: {published})")])


def material_language(locale: SiteLocale) -> str:
    """Return the name of Material's interface language for ``locale`` (the pseudo-locale's is English)."""
    return locale.babel.language
