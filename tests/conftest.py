"""Shared fixtures: the real content, and the real site built once per session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.content.locales import PSEUDO_LOCALE, SiteLocale
from generator.helpcenter.folder import Content, load_content
from support import (
    EXAMPLE_BASE_URL,
    EXAMPLE_DIR,
    Preview,
    made_once_per_run,
    run_cli,
    serve_directory,
    start,
    stop,
)

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def content() -> Content:
    """The real content of the help center, proven."""
    return load_content(CONTENT_DIR)


@pytest.fixture(scope="session")
def policy(content):
    return content.policy


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A temporary copy of the project's content and site configuration; the working folder."""
    project = tmp_path / "project"
    for name in ["content", "overrides", "docs"]:
        shutil.copytree(ROOT / name, project / name)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    monkeypatch.chdir(project)
    return project


@pytest.fixture
def check(tmp_path, monkeypatch, capsys):
    """Run ``check`` in-process on a content folder, from a working folder of its own; return (exit status,
    stdout, stderr)."""
    monkeypatch.chdir(tmp_path)  # the CLI prints paths relative to the working folder

    def run(folder: Path) -> tuple[int, str, str]:
        return run_cli(capsys, "check", "--content", str(folder))

    return run


@pytest.fixture
def preview(project, tmp_path) -> Iterator[Preview]:
    """``python -m generator serve`` running on the copy of the project; stopped when the test ends."""
    process = start(project, tmp_path / "temporary")
    try:
        yield Preview(process)
    finally:
        stop(process)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("built") / "site"


@pytest.fixture(scope="session")
def site_server(site_dir) -> Iterator[str]:
    """The address the site is served at on 127.0.0.1, started before it is built; no trailing slash."""
    with serve_directory(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def built_site(content, site_dir, site_server) -> Path:
    """The real site, built once like `make build --strict`, plus the pseudo-locale.

    It is built for the address it is served at, so that its own absolute
    links (hreflang) stay on 127.0.0.1.
    """
    from generator.mkdocs.site import build_site

    locales = [*content.locales.published, SiteLocale(PSEUDO_LOCALE, content.locales.source.market)]
    build_site(ROOT / "mkdocs.yml", site_dir, locales, strict=True, base_url=f"{site_server}/")
    return site_dir


# The example help center (three policies in five locales), built once per run of the suite and shared by every
# xdist worker; each worker serves it on an address of its own.


@pytest.fixture(scope="session")
def example_content() -> Content:
    """The example help center, proven."""
    return load_content(EXAMPLE_DIR)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example help center's site, built like `CONTENT=examples/help-center make build --strict`.

    mkdocs.yml takes its content folder from CONTENT, as the Makefile passes it;
    the processes that build the locales start meanwhile, and inherit it. The
    site is built for :data:`support.EXAMPLE_BASE_URL`: a page that asked it for
    anything would fail the browser tests, which allow no request to leave 127.0.0.1.
    """
    from generator.mkdocs.site import build_site

    def build(folder: Path) -> None:
        locales = list(load_content(EXAMPLE_DIR).locales.published)
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("CONTENT", str(EXAMPLE_DIR))
            build_site(ROOT / "mkdocs.yml", folder, locales, strict=True, base_url=EXAMPLE_BASE_URL)

    return made_once_per_run(tmp_path_factory, "example-site", build)


@pytest.fixture(scope="session")
def example_server(example_site) -> Iterator[str]:
    """The example's site served on 127.0.0.1 by this worker; no trailing slash."""
    with serve_directory(example_site) as url:
        yield url
