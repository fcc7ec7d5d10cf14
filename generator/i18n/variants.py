"""The translations of a locale that inherits from another of its language (:mod:`generator.content.variants`).

fr-BE's catalog holds only the texts Belgium says otherwise (its *overrides*).
A text shows fr-BE's own current translation, else fr-FR's (and so on up),
else the English, marked as today. An override whose English changed is
stale: the page shows the parent's current translation meanwhile, and the
override waits for review. A text the parent has not translated is the
parent's to do, not the child's: the child is *waiting* for it.
"""

from __future__ import annotations

from babel.messages.catalog import Catalog

from generator.content.locales import SiteLocale
from generator.i18n.catalogs import Pending, Status, Translations
from generator.i18n.messages import SourceMessage
from generator.i18n.plural_entries import forms_of


class Inherited(Translations):
    """The translations of a locale with a parent: its own, then the parent's."""

    def __init__(
        self, catalog: Catalog | None, messages: list[SourceMessage], locale: SiteLocale, parent: Translations
    ) -> None:
        super().__init__(catalog, messages, locale)
        self.parent = parent

    @property
    def root(self) -> Translations:
        """The ancestor that translates every text in its own catalog: where a text no locale of the chain has
        must be translated."""
        found: Translations = self.parent
        while isinstance(found, Inherited):
            found = found.parent
        return found

    @property
    def catalogs(self) -> tuple[Catalog | None, ...]:
        """The catalogs this locale's texts depend on: its own, then its ancestors'."""
        parent = self.parent.catalogs if isinstance(self.parent, Inherited) else (self.parent.catalog,)
        return (self.catalog, *parent)

    def get(self, context: str) -> str | None:
        """The locale's own current translation of ``context``, else its parent's; ``None`` for English."""
        own = self.current.get(context)
        return own if own is not None else self.parent.get(context)

    def forms(self, context: str) -> dict[str, str] | None:
        """The locale's own current forms of the text with a count ``context``, else its parent's (a variant
        speaks its parent's language: the same plural categories); ``None`` for English."""
        own = self.plurals.get(context)
        return own if own is not None else self.parent.forms(context)

    def untranslated(self) -> list[SourceMessage]:
        """The messages that show in English: neither the locale nor any ancestor has translated them."""
        return [source for source in self.expected if self.get(source.context) is None]

    def to_do(self) -> list[SourceMessage]:
        """Only the locale's own overrides to review: a text no ancestor has is the root's to do."""
        return [source for source in self.expected if source.context in self.stale]

    def status(self) -> Status:
        return self._counted([source.context for source in self.expected])

    def status_of(self, part: str) -> Status:
        return self._counted([source.context for source in self.expected if source.context.startswith(f"{part}/")])

    def _counted(self, contexts: list[str]) -> Status:
        translated = sum(context in self.current for context in contexts)
        stale = sum(context in self.stale for context in contexts)
        inherited = sum(
            context not in self.current and context not in self.stale and self.parent.get(context) is not None
            for context in contexts
        )
        missing = len(contexts) - translated - stale - inherited
        return Status(self.locale.tag, len(contexts), translated, stale, missing, inherited, self.parent.locale.tag)

    def pending(self) -> list[Pending]:
        """The locale's stale overrides, then each text that shows in English while its root translates it."""
        stale = [
            Pending(
                source.context,
                "stale",
                source.listed,
                self.previous.get(source.context),
                self.lines[source.context],
            )
            for source in self.to_do()
        ]
        waiting = [
            Pending(source.context, "waiting", source.listed, None, 0, self.root.locale.tag)
            for source in self.untranslated()
            if source.context not in self.stale
        ]
        return [*stale, *waiting]


def translations_of(
    catalog: Catalog | None, messages: list[SourceMessage], locale: SiteLocale, parent: Translations | None
) -> Translations:
    """The translations of ``locale`` from its ``catalog``: its own alone, or its own then its ``parent``'s."""
    if parent is None:
        return Translations(catalog, messages, locale)
    return Inherited(catalog, messages, locale, parent)


def overrides_only(catalog: Catalog) -> Catalog:
    """Drop from a merged catalog of an inheriting locale the entries it does not override.

    :func:`~generator.i18n.catalogs.update_catalog` gives every text an entry; the catalog of a locale that
    inherits keeps those with a translation (current or stale, carried by a move or back from ``#~``) and
    those a translator started (a translator comment, as ``i18n override`` writes one), and its obsolete
    (``#~``) entries.
    """
    for message in list(catalog):
        if message.id and not any(forms_of(message.string)) and not message.user_comments:
            catalog.delete(message.id, context=message.context)
    return catalog
