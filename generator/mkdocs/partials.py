"""MkDocs glue: parts of Material's pages rendered once for all the pages they are the same on.

Material writes the whole navigation into every page (it is a phone's menu),
and a help center of 20 policies lists 41 pages in it: on each of a locale's
13,000 finder pages, it took longer to render than the rest of the page. On a
page the navigation does not list, such as a finder step, none of its items
is active, so it differs from one such page to the next only by its links,
which MkDocs' ``url`` filter writes relative to the page; and those are the
same on every page that stands in the same place with respect to their
targets (:func:`generator.rendering.render.link_base`). :class:`PartialsOnce`
renders such a partial once per place and gives every page there the same
HTML; a page the navigation lists (or none, as on the 404 page) gets it
rendered for itself, as Material's ``include`` would. The search box, which
depends on no page, is rendered so too.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.structure.nav import Navigation

from generator.mkdocs.translations import TranslationsOnce
from generator.rendering.render import Parts, beginnings, link_base


def path_parts(path: str) -> Parts:
    """Return the parts of ``path`` as ``mkdocs.utils.get_relative_url`` compares them: normalized, from the root.

    >>> path_parts("finder/a/"), path_parts("assets/logo.svg"), path_parts("../a/./b"), path_parts("")
    (('finder', 'a'), ('assets', 'logo.svg'), ('a', 'b'), ())
    """
    normal = posixpath.normpath("/" + path)[1:]
    return tuple(normal.split("/")) if normal else ()


def page_parts(url: str) -> Parts:
    """Return the folder of a page's ``url`` as MkDocs links from it: a last part with a dot names a file.

    >>> page_parts("finder/a/"), page_parts("finder/a.html"), page_parts("")
    (('finder', 'a'), ('finder',), ())
    """
    folder, _, name = url.rpartition("/")
    return path_parts(folder if "." in name else url)


def target_parts(value: str) -> Parts:
    r"""Return the parts of a value given to the ``url`` filter, which reads a backslash as a slash.

    An address of another host or of the root (``https://…``, ``/…``) is
    written as it is on every page: its parts only make places finer, never wrong.

    >>> target_parts("guide/"), target_parts(r"assets\logo.svg")
    (('guide',), ('assets', 'logo.svg'))
    """
    return path_parts(value.replace("\\", "/"))


def render_once(env: jinja2.Environment, nav: Navigation, language: str) -> None:
    """Give ``env``'s templates ``help_once(partial)`` and ``help_translation(key)``, and a recording ``url``."""
    partials = PartialsOnce(nav, env.filters["url"])
    env.filters["url"] = partials.url
    env.globals.update(help_once=partials, help_translation=TranslationsOnce(env, language))


class PartialsOnce:
    """Partials of one build, each rendered once per place on the pages the navigation does not list.

    It is the template global ``help_once`` (overrides/base.html). While a
    partial renders, the ``url`` filter records what it is given: the places
    are worked out from those targets, and a rendering that meets a target not
    seen before drops what was rendered until then, whose places may be too coarse.
    """

    def __init__(self, nav: Navigation, url_filter: Callable[..., str]) -> None:
        self.listed = {page.file.src_uri for page in nav.pages}
        self.url_filter = url_filter
        self.targets: set[str] = set()
        self.beginnings: frozenset[Parts] = frozenset({()})
        self.rendered: dict[tuple[str, Parts, int], str] = {}
        self.recording: set[str] | None = None

    @jinja2.pass_context
    def url(self, context: Any, value: Any) -> str:
        """MkDocs' ``url`` filter, recording its targets while a partial renders."""
        if self.recording is not None:
            self.recording.add(str(value))
        return self.url_filter(context, value)

    @jinja2.pass_context
    def __call__(self, context: jinja2.runtime.Context, name: str) -> Markup:
        page = context.get("page")
        template = context.environment.get_template(name)
        if page is None or page.file.src_uri in self.listed:  # its own item is active: rendered for it alone
            return Markup(template.render(context.get_all()))
        key = (name, *link_base(page_parts(page.url), self.beginnings))
        if key not in self.rendered:
            self.recording = set()
            try:
                html = template.render(context.get_all())
            finally:
                recorded, self.recording = self.recording, None
            if not recorded <= self.targets:
                self.targets |= recorded
                self.beginnings = beginnings(target_parts(value) for value in self.targets)
                self.rendered, key = {}, (name, *link_base(page_parts(page.url), self.beginnings))
            self.rendered[key] = html
        return Markup(self.rendered[key])
