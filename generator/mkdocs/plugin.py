"""MkDocs glue: hand the generated pages of one locale to MkDocs. Nothing else.

All logic lives in modules that import no MkDocs, so that moving to another
site generator only means replacing :mod:`generator.mkdocs`.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from generator.content.diagnostics import ContentError
from generator.content.locales import SiteLocale
from generator.helpcenter.proven import proven_content
from generator.helpcenter.translate import localize, material_language, resolve_locale
from generator.i18n.pseudo import pseudo_material_loader
from generator.mkdocs.options import PolicyPluginConfig
from generator.rendering.llms import locale_files
from generator.rendering.pages import Page, PendingPage, pending_pages
from generator.rendering.render import COMPILED_TEMPLATES, Fragments


class PolicyPlugin(BasePlugin[PolicyPluginConfig]):
    """Proves the policy and adds its pages, in one locale, to the build."""

    pending: dict[str, PendingPage]  # every page by source path, rendered when MkDocs reads it
    made: dict[str, Page]  # the pages rendered, until MkDocs takes their HTML
    data_files: Callable[[], dict[str, str]]  # finder.json, its schema and llms.txt, by file name
    locale: SiteLocale

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Proven once per version of the files (in a build, by the main process; a preview, on a change).
        content_dir = Path(config.config_file_path).parent / self.config.content
        try:
            content = proven_content(content_dir)
            self.locale, content = resolve_locale(content, self.config.locale)
        except ContentError as error:
            raise PluginError(f"the content has problems:\n{error}") from None
        content = localize(content, self.locale)
        pending, interface = pending_pages(content, self.locale, rendered := Fragments()), content.interface
        self.pending = {page.src_uri: page for page in pending}
        # Material shows the site name as it is (in attributes too): escaped, and Markup so `| e` leaves it be.
        config.site_name = Markup.escape(str(interface.site_name))
        config.extra["help_not_found"] = {key: str(text) for key, text in interface.texts["not_found"].items()}
        config.theme["language"] = material_language(self.locale)
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None:  # a search index per locale, with that language's stemmer
            search.config.lang = [self.locale.babel.language]
        if config.nav is None:
            config.nav = [page.src_uri for page in pending if page.listed]
        base = self.config.base_url or "/"  # the root of the site, above every locale's folder
        self.data_files = lambda: locale_files(content, self.locale, f"{base}{self.locale.slug}/", rendered)
        locales = [{"tag": each.tag, "slug": each.slug, "name": each.name} for each in content.locales.published]
        config.extra.update(help_base_url=base, help_locale=self.locale.tag, help_locales=locales)
        return config

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files  # with on_env's: what generator.mkdocs.on_request renders pages with
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = COMPILED_TEMPLATES  # a preview rebuild compiles no template twice
        if self.locale.is_pseudo:  # the pseudo-locale brings its own translation of Material's interface
            env.loader = pseudo_material_loader(env, self.locale.tag)
        self.env = env
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.made, later = {}, self.config.on_request  # the preview makes unlisted pages and data files when asked
        for page in self.pending.values():  # one the navigation does not list (a finder step) is linked from others
            inclusion = InclusionLevel.UNDEFINED if page.listed else InclusionLevel.NOT_IN_NAV
            if page.listed or not later:  # no source: the events below give them
                files.append(File.generated(config, page.src_uri, content="", inclusion=inclusion))
        for name, text in ({} if later else self.data_files()).items():  # finder.json, its schema and llms.txt
            files.append(File.generated(config, name, content=text))
        return files

    def on_page_markdown(self, markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if (pending := self.pending.get(page.file.src_uri)) is not None:
            self.made[pending.src_uri] = made = pending.render()
            page.meta = made.meta()
        return markdown

    def on_page_content(self, html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        return html if (made := self.made.pop(page.file.src_uri, None)) is None else made.html.rstrip("\n")

    def on_page_context(
        self, context: TemplateContext, /, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # The same page in every locale: Material's head links and language menu read these.
        base = config.extra["help_base_url"]
        config.extra["alternate"] = [
            {"name": alt["name"], "lang": alt["tag"], "slug": alt["slug"], "link": f"{base}{alt['slug']}/{page.url}"}
            for alt in config.extra["help_locales"]
        ]
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        # MkDocs stamps sitemap.xml.gz with the day of the build; stamp it with none (gzip's 0), so that
        # the same sources build the same bytes on any day (tests/test_reproducible.py).
        sitemap = Path(config.site_dir) / "sitemap.xml"
        if sitemap.is_file():
            with gzip.GzipFile(sitemap.with_name("sitemap.xml.gz"), "wb", mtime=0) as archive:
                archive.write(sitemap.read_bytes())
