"""Shared fixtures: the real content, and the real site built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content import Content, load_content
from generator.locales import SOURCE_LOCALE, SiteLocale

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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with the same code as `make build`."""
    from generator.site import build_site

    site_dir = tmp_path_factory.mktemp("built") / "site"
    build_site(ROOT / "mkdocs.yml", site_dir, [SiteLocale(SOURCE_LOCALE)])
    return site_dir
