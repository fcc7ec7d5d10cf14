"""``llms.txt``: what the help center holds, for AI assistants (the llmstxt.org convention).

Each locale publishes ``<locale>/llms.txt``, in its language: the help
center's name as the title, its description as the summary, then one section
per policy that links its help article and its ``finder.json`` (the proven
decision logic), so that an assistant reads the logic rather than guess it
from the pages. The site's root publishes ``llms.txt`` that links each
locale's file. Every address is absolute, from the site's configured address.

The shape, as the convention writes it::

    # Help Center

    > Help with returns: how to send a parcel back and get refunded.

    Each guide of this help center: ...

    ## Return a parcel

    - [Return a parcel](https://help.example.com/en-us/return-a-parcel/): When you can send it back, and how.
    - [Find out how to return your parcel](https://help.example.com/en-us/finder.json): The decision ...
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from generator.content.locales import SiteLocale
from generator.content.model import Interface, Policy
from generator.helpcenter.folder import Content
from generator.rendering import finder_data
from generator.rendering.render import Fragments, PageRenderer

#: The file's name, in every locale's folder and at the site's root.
FILE_NAME = "llms.txt"


@dataclass(frozen=True)
class Link:
    """One line of a list: ``- [name](url): note``."""

    name: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Section:
    """A heading and the links under it."""

    heading: str
    links: tuple[Link, ...]


def locale_files(content: Content, locale: SiteLocale, locale_url: str, fragments: Fragments) -> dict[str, str]:
    """Return the files of ``locale`` that are not pages, by name: ``finder.json``, its schema and ``llms.txt``."""
    return {name: make() for name, make in locale_file_makers(content, locale, locale_url, fragments).items()}


def locale_file_makers(
    content: Content, locale: SiteLocale, locale_url: str, fragments: Fragments
) -> dict[str, Callable[[], str]]:
    """Return what makes each file of :func:`locale_files`, by its name: a preview makes a file when asked for it."""
    return {
        **finder_data.finder_file_makers(content, locale, locale_url, fragments),
        FILE_NAME: functools.partial(locale_llms_txt, content, locale, locale_url, fragments),
    }


def locale_llms_txt(content: Content, locale: SiteLocale, locale_url: str, fragments: Fragments | None = None) -> str:
    """Return ``llms.txt`` of ``locale`` from ``content`` already localized for it.

    ``locale_url`` is the address of the locale's root (``https://help.example/fr-fr/``);
    ``fragments``: the texts the locale's pages already rendered.
    """
    fragments = {} if fragments is None else fragments
    page = PageRenderer(content, locale, "", content.policy.article.id, fragments=fragments)

    finder_note = page.ui("llms", "finder_data").striptags()
    sections = []
    for policy in _policies(content):
        each = page.at(policy.id)  # its texts show its own facts

        def plain(value: str, each: PageRenderer = each) -> str:
            return each.text(value).striptags()

        title, description = plain(policy.article.title), plain(policy.article.description)
        article = Link(title, f"{locale_url}{policy.article.id}/", description)
        finder = Link(plain(policy.finder.title), f"{locale_url}{policy.finder_data_file}", finder_note)
        sections.append(Section(article.name, (article, finder)))
    summary, details = page.ui("home", "description").striptags(), page.ui("llms", "intro").striptags()
    return write(content.interface.site_name, summary, details, sections)


def root_llms_txt(interface: Interface, locales: Sequence[SiteLocale], base_url: str) -> str:
    """Return the site root's ``llms.txt``: each locale's file, under its language's name, in the source wording."""
    links = tuple(Link(locale.name, f"{base_url}{locale.slug}/{FILE_NAME}", locale.tag) for locale in locales)
    return write(
        interface.site_name,
        interface.text("home", "description"),
        "",
        [Section(interface.text("llms", "languages"), links)],
    )


def write(title: str, summary: str, details: str, sections: Iterable[Section]) -> str:
    """Return the text of an ``llms.txt``: the title, the summary, the details, then each section's list."""
    blocks = [f"# {_one_line(title)}", f"> {_one_line(summary)}"]
    if details:
        blocks.append(_one_line(details))
    for section in sections:
        lines = [_list_item(link) for link in section.links]
        blocks.append("\n".join([f"## {_one_line(section.heading)}", "", *lines]))
    return "\n\n".join(blocks) + "\n"


def _list_item(link: Link) -> str:
    item = f"- [{_link_text(link.name)}]({link.url})"
    return f"{item}: {_one_line(link.note)}" if link.note else item


def _one_line(text: str) -> str:
    """``text`` on one line: a line break inside it would end the heading, quote or list item."""
    return " ".join(text.split())


def _link_text(text: str) -> str:
    r"""``text`` as a Markdown link's words: a bracket or backslash in it would end them early.

    >>> _link_text("Returns [EU] \\ UK")
    'Returns \\[EU\\] \\\\ UK'
    """
    return re.sub(r"([\\\[\]])", r"\\\1", _one_line(text))


def _policies(content: Content) -> list[Policy]:
    """Every policy the locale publishes, in the help center's order: policy.yaml's, then those of policies/."""
    return [checked.policy for checked in content.policies]
