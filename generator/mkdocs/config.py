"""MkDocs glue: what the MkDocs configuration says, and the configuration of one locale's build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.content.diagnostics import display_path
from generator.content.locales import locale_slug

#: The plugin's name in mkdocs.yml.
PLUGIN = "help-policy"


class BuildError(Exception):
    """The content or a locale's build failed; the message says which and why."""


def content_folder(config_file: Path) -> Path:
    """Return the content folder that ``config_file`` names (the plugin's ``content`` option)."""
    try:
        config = load_config(str(config_file))
    except MkDocsException as error:
        raise BuildError(f"{display_path(config_file)}: {error}") from None
    return content_folder_of(config)


def content_folder_of(config: MkDocsConfig) -> Path:
    """Return the content folder a loaded configuration names."""
    return Path(config.config_file_path).parent / str(_plugin(config).config.content)


def _plugin(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise BuildError(f"{display_path(Path(config.config_file_path))}: the {PLUGIN} plugin is not in plugins:")
    return plugin


def locale_config(config_file: Path, site_dir: str, tag: str, base_url: str, *, strict: bool = False) -> MkDocsConfig:
    """Return the configuration that builds locale ``tag`` into ``site_dir``, for a site rooted at ``base_url``.

    An empty ``base_url`` keeps the one of mkdocs.yml.
    """
    options: dict[str, Any] = {"site_dir": site_dir, **({"strict": True} if strict else {})}
    config = load_config(str(config_file), **options)
    plugin = _plugin(config)
    plugin.config.locale = tag
    plugin.config.base_url = base_url or plugin.config.base_url
    config.site_url = f"{plugin.config.base_url or '/'}{locale_slug(tag)}/"
    return config
