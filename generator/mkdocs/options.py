"""MkDocs glue: the plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from generator.content.locales import SOURCE_LOCALE


class PolicyPluginConfig(Config):
    #: The content folder, relative to mkdocs.yml.
    content = c.Type(str, default="content")
    #: The locale this build publishes, e.g. ``fr-FR``.
    locale = c.Type(str, default=SOURCE_LOCALE)
    #: Where the site's root is published; each locale lives in a folder below it.
    base_url = c.Type(str, default="")
    #: The preview's: build only the listed pages; :mod:`generator.mkdocs.on_request` makes the others when asked.
    on_request = c.Type(bool, default=False)
