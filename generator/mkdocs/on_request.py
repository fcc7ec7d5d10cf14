"""MkDocs glue: the preview's pages that its build left out, each made when a browser asks for it.

A preview build (``locale_config(..., on_request=True)``) writes only the
pages that are listed (the navigation and the search index hold them); a
finder step, the review page, a redirect and ``finder.json`` are made here,
through the same MkDocs steps a build runs for a page (its plugin events,
``Page.render``, the theme's template with ``get_context``), so a page is the
same bytes as in ``mkdocs build``. Each is made once per build, which is once
per version of the content, and the last ``KEPT_PAGES`` are kept.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.structure.files import File, InclusionLevel

from generator.content.diagnostics import ContentError, Diagnostic
from generator.mkdocs.config import BuildError, policy_plugin
from generator.mkdocs.generated import HtmlPage
from generator.preview.server import PageError
from generator.rendering.render import template_problem

#: How many pages made on request are kept, for a browser going back and forth.
KEPT_PAGES = 256


class PagesOnRequest(Mapping[str, bytes]):
    """The files a preview build left out, by path below the site (``finder/a/index.html``): made when read."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.plugin = policy_plugin(config)
        self.made: OrderedDict[str, bytes] = OrderedDict()
        self.data_files: dict[str, bytes] = {}  # those made so far (finder.json)
        self.lock = threading.Lock()  # one page at a time: the plugins keep the page being made

    def source(self, path: str) -> str | None:
        """The source of the page left out whose HTML is ``path`` (``finder/a/index.md``), or ``None``."""
        if not path.endswith("index.html"):
            return None
        src_uri = path.removesuffix(".html") + ".md"
        page = self.plugin.pending.get(src_uri)
        return src_uri if page is not None and not page.listed else None

    def __getitem__(self, path: str) -> bytes:
        src_uri = self.source(path)
        with self.lock:
            if src_uri is None:
                return self._data_file(path)
            if path not in self.made:
                self.made[path] = self._page(src_uri)
                if len(self.made) > KEPT_PAGES:
                    self.made.popitem(last=False)
            self.made.move_to_end(path)
            return self.made[path]

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, str):
            return False
        if path.endswith("index.html"):  # a page: no data file is named so
            return self.source(path) is not None
        return path in self.plugin.data_files

    def __iter__(self) -> Iterator[str]:
        pending = self.plugin.pending.items()
        pages = [src_uri.removesuffix(".md") + ".html" for src_uri, page in pending if not page.listed]
        return iter([*pages, *self.plugin.data_files])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def _page(self, src_uri: str) -> bytes:
        """Make the page of ``src_uri`` as ``mkdocs.commands.build`` makes each page, with the build's nav and theme."""
        config, plugins, plugin = self.config, self.config.plugins, self.plugin
        try:
            file = File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            page = plugins.on_pre_page(HtmlPage(None, file, config), config=config, files=plugin.files)
            page.read_source(config)
            page.markdown = plugins.on_page_markdown(page.markdown or "", page=page, config=config, files=plugin.files)
            page.render(config, plugin.files)
            page.content = plugins.on_page_content(page.content or "", page=page, config=config, files=plugin.files)
            page.active = True
            context = get_context(plugin.nav, plugin.files.documentation_pages(), config, page)
            template = plugin.env.get_template(page.meta.get("template", "main.html"))
            context = plugins.on_page_context(context, page=page, config=config, nav=plugin.nav)
            html = plugins.on_post_page(template.render(context), page=page, config=config)
        except (Exception, Abort) as error:  # Abort is a SystemExit
            raise PageError(problem_of(error)) from None
        return html.encode("utf-8", errors="xmlcharrefreplace")

    def _data_file(self, name: str) -> bytes:
        """The file ``name`` that is not a page (``finder.json``), made once."""
        if name not in self.data_files:
            make = self.plugin.data_files[name]  # KeyError: no such file
            try:
                self.data_files[name] = make().encode("utf-8")
            except Exception as error:
                raise PageError(problem_of(error)) from None
        return self.data_files[name]


def problem_of(error: BaseException) -> str | list[Diagnostic]:
    """What the preview shows for ``error``: located problems, or one line; never a traceback."""
    if isinstance(error, ContentError):
        return error.diagnostics
    if isinstance(error, MkDocsException | BuildError):
        return str(error)
    if isinstance(error, jinja2.TemplateError):
        return template_problem(error)
    return f"{type(error).__name__}: {error}"
