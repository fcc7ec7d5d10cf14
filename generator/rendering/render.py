"""The Jinja environment and the rendering of one page's HTML.

Templates live in ``generator/rendering/templates``. They are strict (an unknown name
is an error, never an empty string) and autoescaped; texts from the content
reach them through :func:`generator.content.inline.render`, which escapes them too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from html import unescape as html_unescape
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup, escape

from generator.content import inline
from generator.content.diagnostics import display_path
from generator.content.locales import SiteLocale
from generator.content.model import Fact
from generator.content.references import OUTCOME_LINK_PREFIX
from generator.helpcenter.folder import Content
from generator.i18n.formatting import (
    format_count,
    format_fact,
    format_number,
    plural_form,
)

#: The generator's own templates: article, finder, notices.
TEMPLATES_DIR = Path(__file__).parent / "templates"
_T = TypeVar("_T")

#: The attribute of the element around a text shown in another language than the page's.
UNTRANSLATED = "data-untranslated"
#: A tag of the HTML a text renders to; attribute values are escaped, so a tag never holds a ``>``.
_TAG = re.compile(r"(<[^>]*>)")


def shows_untranslated(html: str) -> bool:
    """Return whether ``html`` shows a text in another language than the page's.

    The mark is looked for in the page as rendered, so the notice can never
    miss a fallback however it reached the page. Texts are escaped, so only
    the renderer can write the element's ``>``.
    """
    return f"{UNTRANSLATED}>" in html


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates, kept in memory for the life of the process and keyed by their source.

    MkDocs makes a new Jinja environment for every build; given this cache, a
    preview rebuild does not compile the theme's templates again, and an
    edited template, whose source changed, is compiled anew.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


#: One cache for every environment of this process.
COMPILED_TEMPLATES = MemoryBytecodeCache()


@cache
def environment() -> jinja2.Environment:
    """Return the shared, strict Jinja environment."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template_problem(error: jinja2.TemplateError) -> str:
    """Say where a template (of the generator, of overrides/ or of the theme) does not work, and why."""
    filename, lineno = getattr(error, "filename", None), getattr(error, "lineno", None)
    where = f"{display_path(Path(filename))}:{lineno}: " if filename else ""
    return f"{where}{error.message}"


def relative_url(from_dir: str, to_dir: str, fragment: str = "") -> str:
    """Return the link from the page at ``from_dir/`` to ``to_dir/`` (``""`` is the root).

    >>> relative_url("finder/a", "finder/a/b")
    'b/'
    >>> relative_url("finder/a/b", "guide", "steps")
    '../../../guide/#steps'
    >>> relative_url("guide", "guide", "steps")
    '#steps'
    >>> relative_url("", "finder"), relative_url("finder/a", ""), relative_url("finder", "finder")
    ('finder/', '../../', './')
    >>> relative_url("finder/ab/c", "finder/a")
    '../../a/'
    """
    suffix = f"#{fragment}" if fragment else ""
    if from_dir == to_dir and fragment:
        return suffix
    source, target = from_dir.split("/") if from_dir else [], to_dir.split("/") if to_dir else []
    common = 0
    while common < min(len(source), len(target)) and source[common] == target[common]:
        common += 1
    path = "/".join([".."] * (len(source) - common) + target[common:])
    return (f"{path}/" if path else "./") + suffix


#: A folder as :func:`relative_url` compares it: its parts, e.g. ``("finder", "a")`` (the root is ``()``).
Parts = tuple[str, ...]


def folder_parts(folder: str) -> Parts:
    """Return the parts of ``folder`` (``""`` is the root), as :func:`relative_url` splits it."""
    return tuple(folder.split("/")) if folder else ()


def beginnings(targets: Iterable[Parts]) -> frozenset[Parts]:
    """Return every beginning of every folder of ``targets``, the root's ``()`` included.

    >>> sorted(beginnings([("finder", "a"), ("guide",)]))
    [(), ('finder',), ('finder', 'a'), ('guide',)]
    """
    return frozenset(target[:end] for target in targets for end in range(len(target) + 1)) | {()}


def link_base(page: Parts, beginnings: frozenset[Parts]) -> tuple[Parts, int]:
    """Return what the links from the folder ``page`` to targets whose folders begin with ``beginnings`` depend on.

    A link climbs from the page to the deepest folder it shares with the
    target, then goes down to the target. Take the page's deepest folder that
    begins some target (one of ``beginnings``): every link from the page climbs
    to it first, then on as it would from there. So pages with the same such
    folder and as many parts below it have the same links to every target: the
    key is the folder and that number.

    >>> targets = beginnings([("guide",), ("finder",)])
    >>> link_base(("finder", "a", "b"), targets) == link_base(("finder", "c", "d"), targets) == (("finder",), 2)
    True
    >>> link_base(("finder", "a"), targets), link_base(("other", "a"), targets), link_base((), targets)
    ((('finder',), 1), ((), 2), ((), 0))
    """
    base = page
    while base not in beginnings:
        base = base[:-1]
    return base, len(page) - len(base)


#: What the renderings of one locale share: values, texts and fragments rendered once (:meth:`PageRenderer._once`).
Fragments = dict[tuple[Any, ...], Any]


@dataclass(frozen=True)
class PageRenderer:
    """Renders templates for one page of one locale, resolving texts and links."""

    content: Content
    locale: SiteLocale
    #: The page's folder relative to the locale root, e.g. ``finder/not-flagged``.
    page_dir: str
    #: The article's folder, target of ``outcome:`` links.
    article_dir: str
    #: What the pages of one locale share: values, texts and fragments already rendered (see :meth:`_once`).
    fragments: Fragments = field(default_factory=dict)

    def at(self, policy_id: str) -> PageRenderer:
        """The renderer of the same page and locale for the texts of the policy ``policy_id`` (its facts, its links)."""
        content = self.content.at(policy_id)
        return dataclasses.replace(self, content=content, article_dir=content.policy.article.id)

    def _once(self, key: tuple[Any, ...], work: Callable[[], _T]) -> _T:
        """Return what ``key`` names, doing ``work`` only on the first page of the locale that needs it."""
        if key not in self.fragments:
            self.fragments[key] = work()
        found: _T = self.fragments[key]
        return found

    @property
    def values(self) -> dict[str, str]:
        """The values texts may name, the facts and ``{max_questions}``: the same on every page, worked out once."""
        return self._once(("values", self.content.policy.id), self._values)

    def _values(self) -> dict[str, str]:
        facts = (*self.content.help_center.facts.values(), *self.content.policy.facts.values())
        values = {fact.name: self.fact(fact) for fact in facts}
        values["max_questions"] = self.count(self.content.proof.most_questions, "question")
        return values

    def fact(self, fact: Fact) -> str:
        """Return the value of ``fact`` in the locale's market, as the locale writes it."""
        if fact.type == "duration":  # marked when its plural form is untranslated
            return self.count(int(fact.value_in(self.locale.market)), fact.unit)
        return format_fact(fact, self.locale, self.content.help_center, self.content.interface.units)

    def count(self, count: int, unit: str) -> str:
        """Return ``count`` ``unit`` in words, e.g. ``2 business days``, marked if its plural form is untranslated."""
        forms = self.content.interface.units[unit]
        return self._mark(plural_form(count, forms, self.locale), escape(format_count(count, forms, self.locale)))

    @property
    def links(self) -> dict[str, str]:
        """The link targets texts may name, relative to this page: worked out once per :attr:`links_key`."""
        return self._once(self.links_key, self._links)

    def _links(self) -> dict[str, str]:
        policy, market = self.content.policy, self.locale.market
        shared = self.content.help_center.links
        links = {name: link.url_in(market) for name, link in (*shared.items(), *policy.links.items())}
        for each in (checked.policy for checked in self.content.policies):  # any policy's pages, as its id names them
            links[f"{each.id}/article"] = relative_url(self.page_dir, each.article.id)
            links[f"{each.id}/finder"] = relative_url(self.page_dir, each.finder_dir)
            for outcome in each.outcomes:
                links[f"{each.id}/{OUTCOME_LINK_PREFIX}{outcome.id}"] = relative_url(
                    self.page_dir, each.article.id, outcome.id
                )
        for outcome in policy.outcomes:
            links[OUTCOME_LINK_PREFIX + outcome.id] = relative_url(self.page_dir, self.article_dir, outcome.id)
        return links

    def text(self, value: str) -> Markup:
        """Render a policy text with the inline syntax (once per locale, or per set of links if it has one)."""
        # A policy's facts are its own: the same text may show other values in another policy.
        key = ("text", self.content.policy.id, value, self.links_key if "](" in value else None)
        return self._once(key, lambda: self._mark(value, self._in_forms(inline.render(value, self.values, self.links))))

    def ui(self, section: str, key: str, **values: Any) -> Markup:
        """Render an interface text, filling in ``values`` (once per locale and set of values)."""
        value = self.content.interface.text(section, key)
        # A value's type is in the key: a Markup and a str of the same characters are escaped differently.
        ui_key = ("ui", value, tuple(sorted((name, type(given), str(given)) for name, given in values.items())))
        return self._once(
            ui_key, lambda: self._mark(value, self._in_forms(inline.render(value, self._filled(values), {})))
        )

    def _filled(self, values: Mapping[str, Any]) -> dict[str, str]:
        """The ``values`` of an interface text as it shows them: a text escaped, and marked if untranslated."""
        return {
            name: self._mark(given, escape(given)) if isinstance(given, str) else str(given)
            for name, given in values.items()
        }

    def _in_forms(self, html: Markup) -> Markup:
        """Write the words around a name as the language does (``de UPS`` → ``d’UPS``), as locales.yaml says.

        Only the text between tags changes, never a tag, an attribute or a link's target: the text is
        unescaped, rewritten and escaped again, so a form shows as typed, whatever it holds.
        """
        found = self._once(("name_forms",), self._name_forms)
        if not found:
            return html
        pattern, forms = found
        parts = _TAG.split(str(html))  # text, tag, text, tag, ..., text
        for index in range(0, len(parts), 2):
            text = html_unescape(parts[index])
            rewritten = pattern.sub(lambda words: forms[words.group()], text)
            if rewritten != text:
                parts[index] = str(escape(rewritten))
        return Markup("".join(parts))

    def _name_forms(self) -> tuple[re.Pattern[str], dict[str, str]] | None:
        forms = dict(self.content.locales.name_forms.get(self.locale.tag, {}))
        if not forms:
            return None
        alternatives = "|".join(re.escape(words) for words in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), forms

    @cached_property
    def links_key(self) -> tuple[Any, ...]:
        """What the page's links depend on, as a key of what was rendered with them.

        The policy in focus (its own links and outcomes), its article, and where
        the page stands from the pages the links lead to (:func:`link_base`):
        the thousands of finder pages of a policy have a handful of keys.
        """
        beginnings = self._once(("link beginnings", self.article_dir), self._link_beginnings)
        return ("links", self.content.policy.id, self.article_dir, link_base(folder_parts(self.page_dir), beginnings))

    def _link_beginnings(self) -> frozenset[Parts]:
        policies = [checked.policy for checked in self.content.policies]
        targets = [self.article_dir, *(each.article.id for each in policies), *(each.finder_dir for each in policies)]
        return beginnings(folder_parts(target) for target in targets)

    def _mark(self, value: str, html: Markup) -> Markup:
        """Give ``html``, made from the text ``value``, the language of ``value`` if it is untranslated."""
        lang = self.content.untranslated.get(value)
        if lang is None:
            return html
        return Markup(f'<span lang="{{}}" {UNTRANSLATED}>{{}}</span>').format(lang, html)

    def number(self, value: int) -> str:
        """Return ``value`` written as the locale writes numbers (``1,234``, ``1 234``)."""
        return format_number(value, self.locale)

    def url(self, to_dir: str, fragment: str = "") -> str:
        return relative_url(self.page_dir, to_dir, fragment)

    def shared(self, template: str, key: str, **context: Any) -> Markup:
        """Render a fragment that is the same on every page with the same links, once for all of them.

        An outcome's explanation (its blocks, the procedures it shows) is on every
        finder page that ends on it; it depends on the page only through the
        page's links. ``key`` names what ``context`` holds (an outcome's id).
        """
        return self._once(
            (template, self.content.policy.id, key, self.links_key),
            lambda: Markup(self.render(template, **context).removesuffix("\n")),
        )

    def render(self, template: str, **context: Any) -> str:
        """Render ``template`` with the page's helpers and ``context``."""
        helpers: Mapping[str, Any] = {
            "policy": self.content.policy,
            "text": self.text,
            "ui": self.ui,
            "url": self.url,
            "locale": self.locale,
            "article_dir": self.article_dir,
            "shared": self.shared,
            "number": self.number,
        }
        return environment().get_template(template).render(**helpers, **context)
