"""MkDocs glue: hand the generated pages of one locale to MkDocs. Nothing else.

All logic lives in modules that import no MkDocs, so that moving to another
site generator only means replacing :mod:`generator.mkdocs`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from generator.content.diagnostics import ContentError
from generator.content.locales import SiteLocale
from generator.helpcenter.proven import proven_content
from generator.helpcenter.translate import localize, material_language, resolve_locale
from generator.i18n.pseudo import pseudo_material_loader
from generator.mkdocs.generated import page_file, stamp_sitemap
from generator.mkdocs.options import PolicyPluginConfig
from generator.mkdocs.partials import render_once
from generator.rendering.llms import locale_file_makers
from generator.rendering.pages import Page, PendingPages, pending_pages
from generator.rendering.render import COMPILED_TEMPLATES, Fragments


class PolicyPlugin(BasePlugin[PolicyPluginConfig]):
    """Proves the policy and adds its pages, in one locale, to the build."""

    pending: PendingPages  # every page by source path, rendered when MkDocs reads it
    made: dict[str, Page]  # the pages whose front matter MkDocs has, until it takes their HTML
    writing: MkDocsPage | None = None  # the page whose HTML MkDocs has, until it has written it
    data_files: dict[str, Callable[[], str]]  # what makes finder.json, its schema and llms.txt, by file name
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
        self.pending, interface = pending_pages(content, self.locale, rendered := Fragments()), content.interface
        # Material shows the site name as it is (in attributes too): escaped, and Markup so `| e` leaves it be.
        config.site_name = Markup.escape(str(interface.site_name))
        config.extra["help_not_found"] = {key: str(text) for key, text in interface.texts["not_found"].items()}
        config.theme["language"] = material_language(self.locale)
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None:  # a search index per locale, with that language's stemmer
            search.config.lang = [self.locale.babel.language]
        if config.nav is None:
            config.nav = [page.src_uri for page in self.pending.listed]
        base = self.config.base_url or "/"  # the root of the site, above every locale's folder
        self.data_files = locale_file_makers(content, self.locale, f"{base}{self.locale.slug}/", rendered)
        locales = [{"tag": each.tag, "slug": each.slug, "name": each.name} for each in content.locales.published]
        config.extra.update(help_base_url=base, help_locale=self.locale.tag, help_locales=locales)
        return config

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files  # with on_env's: what generator.mkdocs.on_request renders pages with
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = COMPILED_TEMPLATES  # a preview rebuild compiles no template twice
        render_once(env, self.nav, config.theme["language"])  # what most pages share, rendered once for them
        if self.locale.is_pseudo:  # the pseudo-locale brings its own translation of Material's interface
            env.loader = pseudo_material_loader(env, self.locale.tag)
        self.env = env
        return env

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.made, later = {}, self.config.on_request  # the preview makes unlisted pages and data files when asked
        for page in self.pending.listed if later else self.pending.values():  # no source: the events below give it
            files.append(page_file(config, page.src_uri, listed=page.listed))  # unlisted: a finder step, linked to
        for name, make in ({} if later else self.data_files).items():  # finder.json, its schema and llms.txt
            files.append(File.generated(config, name, content=make()))
        return files

    def on_page_markdown(self, markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if (pending := self.pending.get(page.file.src_uri)) is not None:
            self.made[pending.src_uri] = made = pending.render()  # its front matter; its HTML when it is read
            page.meta = made.meta()
        return markdown

    def on_page_context(
        self, context: TemplateContext, /, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if (made := self.made.pop(page.file.src_uri, None)) is not None:  # as it is written, before search reads it
            page.content, self.writing = made.html.rstrip("\n"), page
        # The same page in every locale: Material's head links and language menu read these.
        base = config.extra["help_base_url"]
        config.extra["alternate"] = [
            {"name": alt["name"], "lang": alt["tag"], "slug": alt["slug"], "link": f"{base}{alt['slug']}/{page.url}"}
            for alt in config.extra["help_locales"]
        ]
        return context

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        if page is self.writing:  # written: a locale's thousands of pages are never all held at once
            page.content = self.writing = None
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        stamp_sitemap(Path(config.site_dir))
