"""MkDocs glue: build the whole static site, one MkDocs build per locale.

The site is built into a temporary folder beside the target and put in place
with a rename, so a failed build never leaves a half-published site.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.locales import SiteLocale
from generator.render import environment

log = logging.getLogger(__name__)


class BuildError(Exception):
    """A locale's build failed; the message says which and why."""


def build_site(config_file: Path, site_dir: Path, locales: list[SiteLocale]) -> None:
    """Build every locale into ``site_dir/<locale>/`` and write the root page."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        for locale in locales:
            log.info("Building %s", locale.tag)
            _build_locale(config_file, staging / locale.slug, locale)
        (staging / "index.html").write_text(render_root_page(locales), encoding="utf-8")
        _publish(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def render_root_page(locales: list[SiteLocale]) -> str:
    """Return the site's root page, which lists the locales."""
    return environment().get_template("root.html").render(locales=locales)


def _build_locale(config_file: Path, target: Path, locale: SiteLocale) -> None:
    try:
        config = load_config(str(config_file), site_dir=str(target), strict=True)
        config.plugins["help-policy"].config.locale = locale.tag
        build(config)
    except MkDocsException as error:
        raise BuildError(f"{locale.tag}: {error}") from None


def _publish(staging: Path, site_dir: Path) -> None:
    """Swap the freshly built site in place of the old one."""
    retired = None
    if site_dir.exists():
        retired = site_dir.with_name(f".{site_dir.name}-old")
        shutil.rmtree(retired, ignore_errors=True)
        site_dir.rename(retired)
    staging.rename(site_dir)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
