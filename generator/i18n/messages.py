"""The translatable messages of the content, each with a stable context.

A message's context is its place in the YAML named by ids, not by wording:
``toy/questions/size/answers/small/text`` (the policy's id first). It survives
reordering and rewording, so a catalog entry always knows which English text it
translates, and a changed English text is seen as changed. Lists without ids
(the blocks of a body, the items of a list) are named by position
(``toy/outcomes/ok/body/1/list/0``): when blocks are inserted, removed or
reordered, ``i18n update`` carries each translation with its English
(:mod:`generator.i18n.moves`).

A text that counts something (``interface/units/business-day``) is one message
with a plural: gettext's ``msgid`` (English ``one``) and ``msgid_plural``
(English ``other``), and in a locale's catalog one ``msgstr[index]`` per CLDR
plural category the locale needs (:mod:`generator.i18n.plural_rules`).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.content import inline
from generator.content.load import Document, KeyPath
from generator.content.locales import SiteLocale
from generator.content.references import policy_texts
from generator.content.reuse import Kept, Same
from generator.i18n.plural_rules import plural_forms

#: The prefix of plural messages' contexts; the last part is the unit (``interface/units/day``).
UNITS_CONTEXT = "interface/units/"

#: The prefix of the contexts of help-center.yaml's texts.
HELP_CENTER_CONTEXT = "help-center"
#: The prefix of the contexts of interface.yaml's texts.
INTERFACE_CONTEXT = "interface"

#: Where each part of a policy appears, for the translator.
_WHERE = {
    "questions": "Finder: a question",
    "answers": "Finder: an answer the customer can pick",
    "hint": "Finder: help under a question",
    "scenarios": "Article (situations list) and finder result (why it applies): a customer's situation",
    "outcomes": "Article section and finder result",
    "procedures": "Article and finder result: a step of a procedure",
    "article": "Help article",
    "finder": "Finder page",
    "categories": "Home page: the heading of a category of policies",
}
#: What a text is inside a block, for the translator.
_IN_BLOCK = {
    "list": "an item of a bulleted list",
    "numbered": "an item of a numbered list",
    "heading": "a sub-heading",
    "note": "a note set apart from the text",
    "caption": "a table's caption",
    "columns": "a table's column heading",
    "cells": "a table cell (the first of a row names the row)",
}


@dataclass(frozen=True)
class SourceMessage:
    """An English text to translate, where it is, and a note for the translator."""

    context: str
    text: str
    comment: str
    file: str
    line: int
    #: The English plural (``other``) of a text with a count, whose :attr:`text` is its singular (``one``).
    plural: str | None = None

    @property
    def msgid(self) -> str | tuple[str, str]:
        """The English as a catalog entry holds it: a text, or a text with a count's singular and plural."""
        return self.text if self.plural is None else (self.text, self.plural)

    @property
    def listed(self) -> str:
        """The English as a list of texts to translate shows it: a text with a count as ``singular / plural``."""
        return self.text if self.plural is None else f"{self.text} / {self.plural}"

    def english(self, category: str) -> str:
        """The English shown for a number of the CLDR ``category`` (its ``one`` or, for any other, ``other``)."""
        return self.text if self.plural is None or category == "one" else self.plural


def extract_messages(
    policies: Document | Sequence[Document],
    interface: Document,
    notes: Mapping[KeyPath, str] | None = None,
    shared: Document | None = None,
) -> list[SourceMessage]:
    """Return every translatable text of the content, in file order: the policies' (one after the other),
    help-center.yaml's, the interface's.

    ``notes`` describes interface texts by key path (from the interface's
    schema); they become the translator comments. A policy's contexts start with its id.
    """
    messages: list[SourceMessage] = []
    for policy in [policies] if isinstance(policies, Document) else policies:
        prefix = policy_context(policy.data)
        messages += _texts.get(policy.file, (Same(policy), prefix), functools.partial(_texts_of, policy, prefix))
    if shared is not None:
        key = (Same(shared), HELP_CENTER_CONTEXT)
        messages += _texts.get(shared.file, key, functools.partial(_texts_of, shared, HELP_CENTER_CONTEXT))
    counted: set[KeyPath] = set()
    for path, text in interface_texts(interface.data):
        if path[0] == "units":  # a text with a count: one message with a plural, where its first form is
            path = path[:2]
            if path in counted:
                continue
            counted.add(path)
            forms = interface.data["units"][path[1]]
            text = forms.get("one") or forms["other"]
        note = (notes or {}).get(path) or (notes or {}).get(path[:-1]) or _comment("interface", path)
        message = _message(interface, "interface", path, text, note)
        messages.append(dataclasses.replace(message, plural=forms["other"]) if path[0] == "units" else message)
    return messages


#: The messages of each policy's file (and help-center.yaml's), by its document and its contexts' prefix.
_texts: Kept[tuple[Same, str], tuple[SourceMessage, ...]] = Kept(256)


def _texts_of(document: Document, prefix: str) -> tuple[SourceMessage, ...]:
    """The messages of a policy's texts (or help-center.yaml's), each context starting with ``prefix``."""
    return tuple(
        _message(document, prefix, path, text, _comment(prefix, path))
        for path, text in policy_texts(document.data)
        if translatable(text)
    )


def messages_for(messages: list[SourceMessage], locale: SiteLocale) -> list[SourceMessage]:
    """Return the messages a catalog of ``locale`` must translate: those of the content, each text with a count
    noted with the forms the locale needs (``msgstr[1] (many: 1000000, 2000000, …)``)."""
    forms = plural_forms(locale.babel)
    described = "; ".join(forms.describe(index) for index in range(forms.nplurals))
    return [
        message
        if message.plural is None
        else dataclasses.replace(message, comment=f"{message.comment.rstrip('.')}. {locale.tag}: {described}")
        for message in messages
    ]


def message_context(data: Any, prefix: str, path: KeyPath) -> str:
    """Return the stable context of the text at ``path``: list items are named by their id."""
    parts = [prefix]
    node: Any = data
    for part in path:
        item = node[part]
        if isinstance(part, int) and isinstance(item, Mapping) and "id" in item:
            parts.append(str(item["id"]))
        else:
            parts.append(str(part))
        node = item
    return "/".join(parts)


def interface_texts(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Yield the path and value of every text of the interface."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from interface_texts(value, (*path, key))
    elif isinstance(data, str):
        yield path, data


def _message(document: Document, prefix: str, path: KeyPath, text: str, comment: str) -> SourceMessage:
    context = message_context(document.data, prefix, path)
    position = document.position(path)
    return SourceMessage(context, text, comment, position.file, position.line)


def translatable(text: str) -> bool:
    """Return whether ``text`` has words to translate: a text that is only a fact (``{weight}``) has none."""
    return bool(inline.PLACEHOLDER.sub("", text).strip())


def policy_context(data: Any) -> str:
    """The prefix of a policy's contexts: its id."""
    return str(data.get("id", "policy")) if isinstance(data, Mapping) else "policy"


def _comment(prefix: str, path: KeyPath) -> str:
    if prefix == "interface":
        return f"Interface text: {'.'.join(map(str, path))}"
    keys = [part for part in path if isinstance(part, str)]
    where = _WHERE.get(keys[-2] if len(keys) > 1 and keys[-2] in _WHERE else keys[0], "Help center")
    if keys[0] == "outcomes" and keys[-1] == "title":
        where = "Article heading and finder result title: an outcome"
    elif keys[0] == "outcomes" and keys[-1] == "summary":
        where = "Finder result: the page description shown by search engines"
    elif keys[0] == "procedures":
        where = _WHERE["procedures"]
    inside = next((_IN_BLOCK[key] for key in reversed(keys) if key in _IN_BLOCK), None)
    if inside is not None:
        return f"{where}: {inside}"
    return f"{where} ({keys[-1]})"
