"""MkDocs glue: build the whole static site, one MkDocs build per locale, in parallel.

The site is built beside the target and swapped with it in one step
(:mod:`generator.content.publish`): a failed build never leaves a
half-published site, and there is always a site.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from logging.handlers import BufferingHandler
from multiprocessing import get_context
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.exceptions import MkDocsException

from generator.content.diagnostics import format_diagnostic
from generator.content.locales import SiteLocale
from generator.content.processes import die_with
from generator.content.publish import OutputError, publish, staging_folder
from generator.helpcenter.proven import Proven, prove_folder, remember
from generator.mkdocs.config import BuildError, content_folder, locale_config, root_url, site_folder
from generator.rendering.render import template_problem
from generator.rendering.root import root_files

log = logging.getLogger(__name__)


def build_site(
    config_file: Path,
    site_dir: Path,
    locales: list[SiteLocale],
    *,
    strict: bool = False,
    base_url: str = "",
    workers: int | None = None,
    proven: Proven | None = None,
) -> None:
    """Build every locale into ``site_dir/<locale>/``, then the root: a page and an ``llms.txt`` that list them.

    With ``strict``, a stale or missing translation fails the build. ``base_url``
    replaces the configured address of the site's root (a test serves it locally).
    The locales build in ``workers`` processes (default: one per core).
    ``proven`` is the content already proven by the caller; without it, the
    content is proven here. Either way it is proven once: the workers receive
    it and never prove it again. Raises :class:`OutputError` for a ``site_dir``
    a build may not replace (:func:`site_folder`) or a failed write.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = site_folder(config_file, site_dir)
    root = root_url(config_file, base_url)
    if proven is None:
        proven, problems = prove_folder(content_folder(config_file), strict=strict)
        if proven is None:
            raise BuildError("\n".join(map(format_diagnostic, problems)))
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        with staging_folder(site_dir) as staging:
            _build_locales(config_file, staging, locales, base_url, workers, proven)
            content, home = proven.content, (staging / locales[0].slug / "index.html").read_text(encoding="utf-8")
            for name, text in root_files(content.interface, content.locales.source, locales, root, home).items():
                (staging / name).write_text(text, encoding="utf-8")
            publish(staging, site_dir)
    except OSError as error:
        raise OutputError.from_os_error(error, site_dir.parent) from None


def _build_locales(
    config_file: Path, staging: Path, locales: list[SiteLocale], base_url: str, workers: int | None, proven: Proven
) -> None:
    """Build each locale into ``staging/<slug>/``, in worker processes that die with this one."""
    workers = max(1, min(len(locales), workers or os.cpu_count() or 1))
    with ProcessPoolExecutor(workers, get_context("spawn"), _start_worker, (proven, os.getpid())) as pool:
        jobs = {
            pool.submit(_build_locale, str(config_file), str(staging / locale.slug), locale.tag, base_url): locale
            for locale in locales
        }
        try:
            for job in as_completed(jobs):
                job.result()
                log.info("Built %s", jobs[job].tag)
        except BrokenProcessPool:
            raise BuildError("a process building the locales was stopped (out of memory?); build again") from None


def _start_worker(proven: Proven, parent: int) -> None:  # a worker dies with its build, and builds its content
    die_with(parent)
    remember(proven)


def _build_locale(config_file: str, target: str, tag: str, base_url: str) -> None:
    """Build one locale; runs in a worker process."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    warnings = BufferingHandler(capacity=10_000)  # what MkDocs warns about: why a strict build stops
    warnings.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        build(locale_config(Path(config_file), target, tag, base_url, strict=True))
    except MkDocsException as error:
        reasons = [str(error), *(record.getMessage() for record in warnings.buffer)]
        raise BuildError("\n".join(f"{tag}: {reason}" for reason in reasons)) from None
    except jinja2.TemplateError as error:
        raise BuildError(f"{tag}: {template_problem(error)}") from None
    except OSError as error:  # a file MkDocs could not read or write
        raise OutputError.from_os_error(error, Path(target)) from None
    except Exception as error:  # a bug of ours: said in one line, never as a traceback
        raise BuildError(f"{tag}: the build failed ({type(error).__name__}: {error})") from None
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
