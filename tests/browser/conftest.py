"""Browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium.

One HTTP server and one Chromium serve the whole session; every test gets a
fresh browser context, so cookies, storage and history never leak between
tests. Each page records every request that leaves 127.0.0.1 and every console
error or uncaught exception: the test fails if there was any.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Error, Page, Request, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOST = "127.0.0.1"
#: How long a single wait may take: the site is local, so a failure shows quickly.
TIMEOUT_MS = 5_000
#: Schemes that never touch the network.
LOCAL_SCHEMES = {"data", "blob", "about"}


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_server: str) -> str:
    """The built site, served on 127.0.0.1; no trailing slash."""
    return site_server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, launched once per session."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"the browser tests need Debian's Chromium at {CHROMIUM}: install it with `apt-get install chromium`",
            pytrace=False,
        )
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@dataclass
class PageLog:
    """What the pages of one test asked for, and what went wrong in them."""

    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        url = urlsplit(request.url)
        if url.scheme in LOCAL_SCHEMES:
            return
        self.requests.append(request.url)
        if url.hostname != HOST:
            self.external.append(f"{request.method} {request.url}")

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text} ({message.location.get('url', '')})")

    def on_page_error(self, error: Error) -> None:
        self.errors.append(f"uncaught exception: {error}")

    def clear(self) -> None:
        """Forget what the pages asked for and what went wrong: a new test begins."""
        self.requests.clear()
        self.external.clear()
        self.errors.clear()

    def assert_clean(self) -> None:
        """Fail if a request left 127.0.0.1, or a page logged an error."""
        assert not self.external, "requests left 127.0.0.1:\n" + "\n".join(self.external)
        assert not self.errors, "the page reported errors:\n" + "\n".join(self.errors)


@pytest.fixture
def page_log() -> Iterator[PageLog]:
    """The log of the pages opened by the test; checked when the test ends."""
    log = PageLog()
    yield log
    log.assert_clean()


def _open_page(browser: Browser, log: PageLog, **options) -> tuple[BrowserContext, Page]:
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    context.on("request", log.on_request)
    page = context.new_page()
    page.on("console", log.on_console)
    page.on("pageerror", log.on_page_error)
    return context, page


@pytest.fixture
def page(browser: Browser, page_log: PageLog) -> Iterator[Page]:
    """A page with JavaScript on, in a fresh context."""
    context, page = _open_page(browser, page_log)
    yield page
    context.close()


@pytest.fixture
def page_nojs(browser: Browser, page_log: PageLog) -> Iterator[Page]:
    """A page with JavaScript off, in a fresh context: every link is a real navigation."""
    context, page = _open_page(browser, page_log, java_script_enabled=False)
    yield page
    context.close()


@pytest.fixture(scope="module")
def module_log() -> PageLog:
    """The log of the module's shared page (:func:`shared_page`), emptied before each test and checked after it."""
    return PageLog()


@pytest.fixture(scope="module")
def module_page(browser: Browser, module_log: PageLog) -> Iterator[Page]:
    """One page, JavaScript on, for every test of a module: a context per test costs more than the test."""
    context, page = _open_page(browser, module_log)
    yield page
    context.close()


@pytest.fixture
def shared_page(module_page: Page, module_log: PageLog) -> Iterator[Page]:
    """The module's page; the test fails if it logged an error or asked another host for anything."""
    module_log.clear()
    yield module_page
    module_log.assert_clean()
