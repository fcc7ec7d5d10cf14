"""Language variants: a published locale may inherit its wording from another of its language.

``fr-BE`` inherits from ``fr-FR``: its catalog holds only the texts Belgium says
otherwise, and every other text is fr-FR's (in French, never in English unless
fr-FR lacks it too). The market stays the locale's own.

A locale's parent is what its ``parent:`` in locales.yaml says (``none`` for a
locale that translates every text itself); when it says nothing, it follows
CLDR's parent locales: the exceptions CLDR lists (``es-MX`` → ``es-419`` →
``es``, ``en-GB`` → ``en-001`` → ``en``), else the tag cut at its last part
(``fr-BE`` → ``fr``); the first published locale on that way is the parent,
and at the bare language, the locale CLDR finds likely for it (``fr`` →
``fr-FR``, ``pt`` → ``pt-BR``), or the source locale for the source's language
(``en-GB`` → ``en-US``, the YAML). A locale with no published ancestor has no
parent. A default never crosses scripts: ``zh-TW`` (Traditional) does not
inherit from ``zh-CN`` (Simplified).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from babel import Locale as BabelLocale
from babel.core import UnknownLocaleError, get_global

from generator.content.diagnostics import Diagnostic
from generator.content.load import Document

#: What ``parent:`` says of a locale that inherits from none: it translates every text in its own catalog.
NO_PARENT = "none"
#: What ``parent:`` may hold, as its JSON Schema says: a tag, or :data:`NO_PARENT`.
PARENT_PATTERN = "^([a-z]{2,3}-[A-Z]{2}|none)$"
#: The most steps from a tag to its bare language along CLDR's parents (``es_MX`` → ``es_419`` → ``es`` is 2).
_MAX_STEPS = 8


def default_parent(tag: str, published: Collection[str], source: str) -> str | None:
    """The published locale ``tag`` inherits from when locales.yaml does not say, or ``None``.

    >>> default_parent("fr-BE", ["en-US", "fr-FR"], "en-US")
    'fr-FR'
    >>> default_parent("es-MX", ["en-US", "es-ES"], "en-US"), default_parent("en-GB", ["en-US"], "en-US")
    ('es-ES', 'en-US')
    >>> default_parent("fr-FR", ["en-US", "fr-FR"], "en-US") is None, default_parent("zh-TW", ["zh-CN"], "en-US")
    (True, None)
    """
    if tag == source:
        return None
    identifier = tag.replace("-", "_")
    exceptions = get_global("parent_exceptions")
    for _ in range(_MAX_STEPS):
        identifier = exceptions.get(identifier) or identifier.rpartition("_")[0]
        if not identifier or identifier == "root":
            return None
        if "_" not in identifier:  # the bare language: its likely locale, or the source's
            return _likely(identifier, tag, published, source)
        candidate = identifier.replace("_", "-")
        if candidate in published and candidate != tag and _script(candidate) == _script(tag):
            return candidate
    return None


def _likely(language: str, tag: str, published: Collection[str], source: str) -> str | None:
    if source.split("-")[0] == language:
        candidate = source
    else:
        likely = get_global("likely_subtags").get(language, "").split("_")  # fr → fr_Latn_FR
        candidate = f"{language}-{likely[-1]}" if len(likely) > 1 else ""
    if candidate in published and candidate != tag and _script(candidate) == _script(tag):
        return candidate
    return None


def _script(tag: str) -> str | None:
    """The script a tag is written in, as CLDR finds it likely: ``zh-TW`` → ``Hant``, ``fr-BE`` → ``Latn``."""
    identifier = tag.replace("-", "_")
    try:
        said = BabelLocale.parse(identifier).script
    except (ValueError, UnknownLocaleError):
        return None
    if said:
        return str(said)
    likely = get_global("likely_subtags").get(identifier.split("_")[0], "").split("_")
    return likely[1] if len(likely) == 3 else None


def parents(data: Mapping[str, Any]) -> dict[str, str]:
    """The parent of each published locale of locales.yaml's ``data`` that has one, by tag: what ``parent:`` says,
    else the default (:func:`default_parent`). The data must be sound (:func:`check_parents`)."""
    published = [item["tag"] for item in data["published"]]
    found: dict[str, str] = {}
    for item in data["published"]:
        said = item.get("parent")
        parent = default_parent(item["tag"], published, data["source"]) if said is None else said
        if parent is not None and parent != NO_PARENT:
            found[item["tag"]] = parent
    return found


def check_parents(locales: Document) -> list[Diagnostic]:
    """Every ``parent:`` that names no locale to inherit from: not published, another language, the locale
    itself, the source locale given one, or a loop of locales inheriting from each other."""
    data = locales.data
    published = {item["tag"]: index for index, item in enumerate(data["published"])}
    problems: list[Diagnostic] = []
    said: dict[str, str] = {}
    for index, item in enumerate(data["published"]):
        parent, tag = item.get("parent"), item["tag"]
        if parent is None or parent == NO_PARENT:
            continue
        problem = _parent_problem(tag, parent, published, data["source"])
        if problem is None:
            said[tag] = parent
        else:
            problems.append(Diagnostic(locales.position(("published", index, "parent")), problem))
    if problems:
        return problems
    for loop in _loops(parents(data)):
        tag = next(tag for tag in loop if tag in said)  # a default never leads back: one of them says parent:
        problems.append(
            Diagnostic(
                locales.position(("published", published[tag], "parent")),
                f"{' → '.join(loop)}: these locales inherit from each other, so no text would ever be found; "
                f"write parent: {NO_PARENT} for the one that translates every text itself",
            )
        )
    return problems


def _parent_problem(tag: str, parent: str, published: Mapping[str, int], source: str) -> str | None:
    listed = ", ".join(other for other in published if other != tag and other.split("-")[0] == tag.split("-")[0])
    choose = f"write one of: {listed}, or {NO_PARENT}" if listed else f"write {NO_PARENT}, or take parent: out"
    if tag == source:
        return f"{tag} is the source locale: its wording is the YAML, so it inherits from no locale; take parent: out"
    if parent == tag:
        return f"{tag} cannot inherit from itself: {choose}"
    if parent not in published:
        return (
            f"{tag} inherits from {parent}, which is not published: publish {parent} first "
            f"(python -m generator i18n add {parent}), or {choose}"
        )
    if parent.split("-")[0] != tag.split("-")[0]:
        return (
            f"{tag} inherits from {parent}, which is in another language: a locale shows its parent's texts, so "
            f"it inherits only from its own language; {choose}"
        )
    return None


def _loops(parent_of: Mapping[str, str]) -> list[list[str]]:
    """Each loop of locales inheriting from each other, once, from the first of its locales in ``parent_of``."""
    found: list[list[str]] = []
    seen: set[str] = set()
    for start in parent_of:
        way, tag = [start], parent_of.get(start)
        while tag is not None and tag not in way and len(way) <= len(parent_of):  # at most every locale once
            way.append(tag)
            tag = parent_of.get(tag)
        if tag == start and start not in seen:
            found.append([*way, start])
            seen |= set(way)
    return found
