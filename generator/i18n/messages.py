"""The translatable messages of the content, each with a stable context.

A message's context is its place in the YAML named by ids, not by wording:
``toy/questions/size/answers/small/text`` (the policy's id first). It survives
reordering and rewording, so a catalog entry always knows which English text it
translates, and a changed English text is seen as changed. Lists without ids
(the blocks of a body, the items of a list) are named by position
(``toy/outcomes/ok/body/1/list/0``): when blocks are inserted, removed or
reordered, ``i18n update`` carries each translation with its English
(:mod:`generator.i18n.moves`).

Texts that count something (``interface/units/business-day/one``) become one
message per CLDR plural category the locale needs.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import babel

from generator.content import inline
from generator.content.load import Document, KeyPath
from generator.content.locales import SiteLocale
from generator.content.references import policy_texts
from generator.content.reuse import Kept, Same

#: The prefix of plural messages' contexts; the last part is the CLDR category.
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

    @property
    def plural_category(self) -> str | None:
        """The CLDR plural category for a text with a count, else ``None``."""
        return self.context.rsplit("/", 1)[1] if self.context.startswith(UNITS_CONTEXT) else None


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
    for path, text in interface_texts(interface.data):
        note = (notes or {}).get(path) or (notes or {}).get(path[:-1]) or _comment("interface", path)
        messages.append(_message(interface, "interface", path, text, note))
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
    """Return the messages a catalog of ``locale`` must translate.

    A text with a count gets one message per plural category the locale's
    CLDR rules need; a category English lacks starts from the English ``other``.
    """
    result: list[SourceMessage] = []
    needed = sorted(locale.plural_categories, key=["zero", "one", "two", "few", "many", "other"].index)
    groups: dict[str, dict[str, SourceMessage]] = {}
    for message in messages:
        category = message.plural_category
        if category is None:
            result.append(message)
            continue
        stem = message.context.rsplit("/", 1)[0]
        if stem not in groups:
            groups[stem] = {}
            result.append(message)  # a placeholder, replaced below, keeps the group in file order
        groups[stem][category] = message
    expanded: list[SourceMessage] = []
    for message in result:
        if message.plural_category is None:
            expanded.append(message)
            continue
        forms = groups[message.context.rsplit("/", 1)[0]]
        for category in needed:
            source = forms.get(category) or forms["other"]
            stem = source.context.rsplit("/", 1)[0]
            rule = _rule(locale, category)
            comment = f"{source.comment.rstrip('.')}. Plural form '{category}' ({rule}); {{count}} is the number"
            expanded.append(SourceMessage(f"{stem}/{category}", source.text, comment, source.file, source.line))
    return expanded


def _rule(locale: SiteLocale, category: str) -> str:
    rules = _plural_rules(locale.babel)
    return f"CLDR rule: {rules[category]}" if category in rules else "any other number"


@functools.lru_cache(maxsize=64)  # Babel writes the rules anew each time it is asked for them
def _plural_rules(language: babel.Locale) -> Mapping[str, str]:
    rules: Mapping[str, str] = language.plural_form.rules
    return rules


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
