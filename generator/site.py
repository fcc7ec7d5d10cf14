"""MkDocs glue: build the whole static site, one MkDocs build per locale, in parallel.

The site is built into a temporary folder beside the target and put in place
with a rename, so a failed build never leaves a half-published site.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from logging.handlers import BufferingHandler
from multiprocessing import get_context
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.content import check_content
from generator.diagnostics import display_path, format_diagnostic
from generator.locales import SiteLocale
from generator.render import environment

log = logging.getLogger(__name__)


class BuildError(Exception):
    """The content or a locale's build failed; the message says which and why."""


def build_site(
    config_file: Path,
    site_dir: Path,
    locales: list[SiteLocale],
    *,
    strict: bool = False,
    base_url: str = "",
    workers: int | None = None,
) -> None:
    """Build every locale into ``site_dir/<locale>/`` and write the root page that lists them.

    With ``strict``, a stale or missing translation fails the build. ``base_url``
    replaces the configured address of the site's root (a test serves it locally).
    The locales build in ``workers`` processes (default: one per core).
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    content, problems = check_content(config_file.parent / "content", strict=strict)
    if content is None:
        raise BuildError("\n".join(map(format_diagnostic, problems)))
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        workers = max(1, min(len(locales), workers or os.cpu_count() or 1))
        with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
            jobs = {
                pool.submit(
                    _build_locale, str(config_file), str(staging / locale.slug), locale.tag, locale.slug, base_url
                ): locale
                for locale in locales
            }
            for job in as_completed(jobs):
                job.result()
                log.info("Built %s", jobs[job].tag)
        interface, template = content.interface, environment().get_template("root.html")
        root = template.render(
            locales=locales, title=interface.site_name, description=interface.text("home", "description")
        )
        (staging / "index.html").write_text(root, encoding="utf-8")
        _publish(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _build_locale(config_file: str, target: str, tag: str, slug: str, base_url: str) -> None:
    """Build one locale; runs in a worker process."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    warnings = BufferingHandler(capacity=10_000)  # what MkDocs warns about: why a strict build stops
    warnings.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        config = load_config(config_file, site_dir=target, strict=True)
        plugin = config.plugins["help-policy"]
        plugin.config.locale = tag
        plugin.config.base_url = base_url or plugin.config.base_url
        config.site_url = f"{plugin.config.base_url or '/'}{slug}/"
        build(config)
    except MkDocsException as error:
        reasons = [str(error), *(record.getMessage() for record in warnings.buffer)]
        raise BuildError("\n".join(f"{tag}: {reason}" for reason in reasons)) from None
    except jinja2.TemplateError as error:  # a template of overrides/ (or of the theme) that does not work
        where = f"{display_path(Path(error.filename))}:{error.lineno}: " if getattr(error, "filename", None) else ""
        raise BuildError(f"{tag}: {where}{error.message}") from None
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)


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
