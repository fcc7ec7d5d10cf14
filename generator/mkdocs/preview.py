"""MkDocs glue: the live preview of one locale (``python -m generator serve``, ``make serve``).

It is MkDocs' own live-reload server with three changes, so that an edit of
the policy is in the browser in a fraction of a second rather than a second
(DECISIONS.md, "A preview of our own"):

* it is told of a change by the kernel (inotify) instead of polling every
  half second, and waits 50 ms, not 100, for an editor to finish saving
  (and, unlike a plain inotify watch, ignores files merely read by a build);
* it compiles the theme's templates once per process, not once per rebuild;
* the content is proven once per version of its files (:mod:`generator.content.proven`).

A rebuild that fails prints its problems, never a traceback, and every page
answers with them (file, line, the YAML lines) until an edit fixes them; the
last good build stays in its folder: each build goes to a folder of its own,
put in place only once it succeeded.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from generator.content.diagnostics import ContentError, Diagnostic
from generator.content.locales import locale_slug
from generator.content.proven import proven_content
from generator.content.publish import publish
from generator.mkdocs.config import BuildError, content_folder_of, locale_config
from generator.mkdocs.server import PreviewServer, stop_on_termination
from generator.rendering.render import TEMPLATES_DIR, template_problem

log = logging.getLogger("mkdocs.commands.serve")


def serve(config_file: Path, *, locale: str, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build ``locale`` and serve it with live reload until interrupted; return the exit status."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    workspace = Path(tempfile.mkdtemp(prefix="help-preview-"))
    site_dir = str(workspace / "site")
    slug = locale_slug(locale)
    server: PreviewServer | None = None

    def get_config() -> MkDocsConfig:
        address = server.url.removesuffix(f"{slug}/") if server else f"http://{host}:{port}/"
        return locale_config(config_file, site_dir, locale, address)

    def builder(config: MkDocsConfig | None = None) -> bool:
        """Build into a folder of its own and put it in place only if the build succeeds."""
        staging = tempfile.mkdtemp(prefix=".building-", dir=workspace)
        problem: str | list[Diagnostic] = ""
        try:
            config = config or get_config()
            config.site_dir = staging
            proven_content(content_folder_of(config))  # the located problems, for the browser (proven once)
            build(config, serve_url=server.url if server else None)
        except ContentError as error:
            problem = error.diagnostics
        except Abort:  # MkDocs has said why
            pass
        except (MkDocsException, BuildError) as error:
            problem = str(error)
        except jinja2.TemplateError as error:
            problem = template_problem(error)
        except Exception as error:  # a preview keeps running, and never shows a traceback
            problem = f"{type(error).__name__}: {error}"
        else:
            publish(Path(staging), Path(site_dir))
            server.show_site()  # type: ignore[union-attr]
            return True
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        server.show_problems(problem)  # type: ignore[union-attr]
        return False

    restore = stop_on_termination()
    try:
        config = get_config()
        server = PreviewServer(builder=builder, host=host, port=port, root=site_dir, mount_path=f"/{slug}/")
        try:
            server.server_bind()
        except (OSError, OverflowError) as error:
            reason = getattr(error, "strerror", None) or error
            log.error("Cannot serve on %s:%s (%s): is a preview already running there? --dev-addr 127.0.0.1:0 "
                      "takes any free port", host, port, reason)  # fmt: skip
            return 1
        builder(get_config())  # broken content: the browser shows the problems until they are fixed
        watched = [config.docs_dir, config.config_file_path, TEMPLATES_DIR, *config.watch]
        if config.theme.custom_dir:
            watched.append(config.theme.custom_dir)
        for path in watched:
            server.watch(str(path))
        server.serve()
        return 0
    except KeyboardInterrupt:
        log.info("Shutting down...")
        return 0
    except (MkDocsException, BuildError) as error:
        log.error("%s", error)
        return 1
    finally:
        if server is not None:
            server.shutdown()
        shutil.rmtree(workspace, ignore_errors=True)
        restore()
