"""MkDocs glue: what the MkDocs configuration says, and the configuration of one locale's build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.content.confined import links_leaving
from generator.content.diagnostics import ContentError, display_path
from generator.content.locales import locale_slug
from generator.content.publish import check_site_folder

if TYPE_CHECKING:
    from generator.mkdocs.plugin import PolicyPlugin

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


@dataclass(frozen=True)
class ProjectFolders:
    """The folders of a project that a build reads, and so must never write into."""

    project: Path  # the folder of mkdocs.yml
    content: Path
    docs: Path
    overrides: Path | None  # the theme's custom_dir

    @property
    def sources(self) -> list[Path]:
        """What a build reads: the content, the pages, the theme's overrides, and the project's history."""
        return [self.content, self.docs, *([self.overrides] if self.overrides else []), self.project / ".git"]


def project_folders(config_file: Path) -> ProjectFolders:
    """Return the folders that ``config_file`` names."""
    try:
        config = load_config(str(config_file))
    except MkDocsException as error:
        raise BuildError(f"{display_path(config_file)}: {error}") from None
    custom_dir = config.theme.custom_dir
    return ProjectFolders(
        project=Path(config.config_file_path).parent,
        content=content_folder_of(config),
        docs=Path(config.docs_dir),
        overrides=Path(custom_dir) if custom_dir else None,
    )


def site_folder(config_file: Path, site_dir: Path) -> Path:
    """Return ``site_dir`` resolved, or raise :class:`OutputError` if a build may not replace it.

    Raises :class:`ContentError` if a page or template is a symbolic link out of the project.
    """
    folders = project_folders(config_file)
    site_dir = check_site_folder(site_dir, project=folders.project, sources=folders.sources)
    links = [folder for folder in [folders.docs, folders.overrides] if folder is not None]
    problems = [problem for folder in links for problem in links_leaving(folder, folders.project)]
    if problems:
        raise ContentError(problems)
    return site_dir


def content_folder_of(config: MkDocsConfig) -> Path:
    """Return the content folder a loaded configuration names."""
    return Path(config.config_file_path).parent / str(policy_plugin(config).config.content)


def policy_plugin(config: MkDocsConfig) -> PolicyPlugin:
    """Return the policy's plugin of a loaded configuration."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise BuildError(f"{display_path(Path(config.config_file_path))}: the {PLUGIN} plugin is not in plugins:")
    return cast("PolicyPlugin", plugin)  # the entry point of PLUGIN


def root_url(config_file: Path, base_url: str) -> str:
    """Return the address of the site's root: ``base_url``, else the plugin's in ``config_file``, else ``/``."""
    if base_url:
        return base_url
    try:
        config = load_config(str(config_file))
    except MkDocsException as error:
        raise BuildError(f"{display_path(config_file)}: {error}") from None
    return str(policy_plugin(config).config.base_url or "/")


def locale_config(
    config_file: Path, site_dir: str, tag: str, base_url: str, *, strict: bool = False, on_request: bool = False
) -> MkDocsConfig:
    """Return the configuration that builds locale ``tag`` into ``site_dir``, for a site rooted at ``base_url``.

    An empty ``base_url`` keeps the one of mkdocs.yml. With ``on_request`` (the
    preview's), the build leaves out the pages :mod:`generator.mkdocs.on_request` makes when asked.
    """
    options: dict[str, Any] = {"site_dir": site_dir, **({"strict": True} if strict else {})}
    config = load_config(str(config_file), **options)
    plugin = policy_plugin(config)
    plugin.config.locale = tag
    plugin.config.on_request = on_request
    plugin.config.base_url = base_url or plugin.config.base_url or "/"
    config.site_url = f"{plugin.config.base_url}{locale_slug(tag)}/"
    return config
