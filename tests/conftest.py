"""Shared fixtures: the real content, and the real site built once per session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.content.locales import PSEUDO_LOCALE, SiteLocale
from generator.helpcenter.folder import Content, load_content
from support import serve_directory

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


#: The example help center of several policies (examples/help-center/).
EXAMPLE_DIR = ROOT / "examples" / "help-center"


@pytest.fixture(scope="session")
def example_content() -> Content:
    """The example help center, proven."""
    return load_content(EXAMPLE_DIR)


@pytest.fixture(scope="session")
def example_server(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    """Where the example site is built, and the address it is served at on 127.0.0.1 (no trailing slash)."""
    site = tmp_path_factory.mktemp("example") / "site"
    with serve_directory(site) as url:
        yield site, url


@pytest.fixture(scope="session")
def example_site(example_content, example_server) -> Path:
    """The example help center, built in every published locale, every text translated (--strict)."""
    from generator.mkdocs.site import build_site

    site, url = example_server
    with pytest.MonkeyPatch.context() as patch:  # mkdocs.yml reads the content folder from $CONTENT
        patch.setenv("CONTENT", str(EXAMPLE_DIR))
        locales = list(example_content.locales.published)
        build_site(ROOT / "mkdocs.yml", site, locales, strict=True, base_url=f"{url}/")
    return site
