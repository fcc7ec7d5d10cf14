"""MkDocs glue: the live preview of one locale (``python -m generator serve``, ``make serve``).

MkDocs' public ``build``, run by the preview layer (:mod:`generator.preview`:
our own server and rebuild loop, DECISIONS.md "A preview of our own"); no page
waits for a build. The theme's templates are compiled once per process, and the
content is proven once per version of its files (:mod:`generator.helpcenter.proven`).
A build writes only the listed pages; the finder's steps, the review page and
``finder.json`` are made when a browser asks for them (:mod:`generator.mkdocs.on_request`),
so an edit is shown in the same time whatever the size of the finder.

A rebuild that fails prints its problems, never a traceback, and every page
answers with them until an edit fixes them. Each build goes to a folder of its
own, shown only once it succeeded; the folder it replaces is removed at the
next success (a request may still be reading it).
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from generator.content.diagnostics import Diagnostic
from generator.content.load import collector_paused
from generator.content.locales import locale_slug
from generator.helpcenter.proven import proven_content
from generator.mkdocs.config import BuildError, content_folder_of, locale_config
from generator.mkdocs.on_request import PagesOnRequest, problem_of
from generator.preview.rebuilds import Rebuilds
from generator.preview.server import PreviewServer
from generator.preview.signals import stop_on_termination, wait_for_ever
from generator.rendering.render import TEMPLATES_DIR

log = logging.getLogger("generator.preview")

#: How long stopping waits for a build under way to end, before the process ends without it.
STOP_SECONDS = 3.0


def serve(config_file: Path, *, locale: str, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build ``locale`` and serve it with live reload until interrupted; return the exit status."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    server = PreviewServer(host, port, mount_path=f"/{locale_slug(locale)}/")
    try:
        server.start()
    except (OSError, OverflowError) as error:
        reason = getattr(error, "strerror", None) or error
        log.error("Cannot serve on %s:%s (%s): is a preview already running there? --dev-addr 127.0.0.1:0 "
                  "takes any free port", host, port, reason)  # fmt: skip
        server.stop()
        return 1
    workspace = Path(tempfile.mkdtemp(prefix="help-preview-"))
    rebuilds: Rebuilds | None = None
    restore = stop_on_termination()
    try:
        site_url = server.url.removesuffix(f"{locale_slug(locale)}/")
        config = locale_config(config_file, str(workspace / "site"), locale, site_url)  # mkdocs.yml is readable
        watched = [config.docs_dir, config.config_file_path, str(TEMPLATES_DIR), *config.watch]
        watched.append(str(content_folder_of(config)))  # $CONTENT's, when it is not content/
        if config.theme.custom_dir:
            watched.append(config.theme.custom_dir)
        configure = functools.partial(locale_config, config_file, tag=locale, base_url=site_url, on_request=True)
        rebuilds = Rebuilds(functools.partial(build_and_show, server, workspace, configure), watched)
        log.info("Building the site for %s", server.url)  # which answers, meanwhile, that it is building
        rebuilds.start()
        wait_for_ever(rebuilds.first_done)  # the first page then shows the site, or its problems
        log.info("Serving on %s", server.url)
        wait_for_ever(threading.Event())
        return 0  # never reached: only a signal ends the preview
    except KeyboardInterrupt:
        log.info("Shutting down...")
        return 0
    except (MkDocsException, BuildError) as error:
        log.error("%s", error)
        return 1
    finally:  # short, and never cut in half by a second signal (stop_on_termination)
        server.stop()
        if rebuilds is not None:
            rebuilds.stop(wait=STOP_SECONDS)
        shutil.rmtree(workspace, ignore_errors=True)
        restore()


@collector_paused()  # until the build is shown: walking its many objects again and again took a quarter of it
def build_and_show(server: PreviewServer, workspace: Path, configure: Callable[[str], MkDocsConfig]) -> None:
    """Build the site's listed pages into a folder of its own, and show it, or the problems that stopped it."""
    folder = Path(tempfile.mkdtemp(prefix="build-", dir=workspace))
    problem: str | list[Diagnostic] = ""
    try:
        config = configure(str(folder))
        proven_content(content_folder_of(config))  # the located problems, for the browser (proven once)
        build(config, serve_url=server.url)
    except Abort:  # MkDocs has said why
        pass
    except Exception as error:  # a preview keeps running, and never shows a traceback
        problem = problem_of(error)
    else:
        server.show_site(folder, PagesOnRequest(config))
        return
    shutil.rmtree(folder, ignore_errors=True)
    server.show_problems(problem)
