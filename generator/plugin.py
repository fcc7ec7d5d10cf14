"""MkDocs glue: hand the generated pages of one locale to MkDocs. Nothing else.

All logic lives in modules that import no MkDocs, so that moving to another
site generator only means replacing this file and :mod:`generator.site`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.content import load_content
from generator.diagnostics import ContentError
from generator.locales import SOURCE_LOCALE, SiteLocale
from generator.pages import Page, build_pages


class PolicyPluginConfig(Config):
    #: The content folder, relative to mkdocs.yml.
    content = c.Type(str, default="content")
    #: The locale this build publishes, e.g. ``en-US``.
    locale = c.Type(str, default=SOURCE_LOCALE)


class PolicyPlugin(BasePlugin[PolicyPluginConfig]):
    """Proves the policy and adds its pages to the build of one locale."""

    pages: list[Page]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Runs before every build, so `mkdocs serve` re-proves on each edit.
        content_dir = Path(config.config_file_path).parent / self.config.content
        try:
            content = load_content(content_dir)
        except ContentError as error:
            raise PluginError(f"the content has problems:\n{error}") from None
        self.pages = build_pages(content, SiteLocale(self.config.locale))
        config.site_name = content.interface.site_name
        if config.nav is None:
            config.nav = [page.src_uri for page in self.pages if page.listed]
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Generated pages exist only in the build, never in docs/.
        for page in self.pages:
            files.append(File.generated(config, page.src_uri, content=page.markdown()))
        return files
