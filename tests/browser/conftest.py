"""Fixtures for the browser tests: the built site on loopback, Debian's Chromium, and one recorded page per test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Error, Page, Request, Response, Route, sync_playwright

from tests.helpers import ROOT
from webatlas.bench.site.lighthouse import chrome_flags

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-results" / "screenshots"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost"})
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium; any connection that is not to loopback goes to a dead proxy."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`", pytrace=False)
    # The same flags as Lighthouse's runs: loopback goes through, everything else meets a dead proxy.
    args = chrome_flags()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        yield chromium
        chromium.close()


@dataclass
class PageLog:
    """What one page did on the network and in its console, for tests to assert on."""

    requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    error_responses: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        """Every non-empty list except the plain request log; empty when the page behaved."""
        found = {item.name: getattr(self, item.name) for item in fields(self) if item.name != "requests"}
        return {name: items for name, items in found.items() if items}

    def guard(self, route: Route) -> None:
        """Let loopback requests through; abort and record any other."""
        if urlsplit(route.request.url).hostname in LOOPBACK_HOSTS:
            route.continue_()
        else:
            self.external_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def watch(self, context: BrowserContext, page: Page) -> None:
        """Record requests, failures, error answers, console errors and uncaught exceptions."""
        context.route("**/*", self.guard)
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", self._check_failure)
        context.on("response", self._check_status)
        page.on("console", self._check_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _check_console(self, message: ConsoleMessage) -> None:
        """Keep console messages of type error, with where they came from."""
        if message.type == "error":
            self.console_errors.append(f"{message.text} at {message.location['url']}:{message.location['lineNumber']}")

    def _check_failure(self, request: Request) -> None:
        """Keep failed requests, except those the page cancelled itself by moving on, such as a favicon still loading."""
        if request.failure != "net::ERR_ABORTED":
            self.failed_requests.append(f"{request.url}: {request.failure}")

    def _check_status(self, response: Response) -> None:
        """Keep answers with a 4xx or 5xx status."""
        if response.status >= 400:
            self.error_responses.append(f"{response.status} {response.url}")


@dataclass(frozen=True)
class Visit:
    """A fresh page in its own browser context, and its log."""

    page: Page
    log: PageLog


@contextmanager
def visiting(browser: Browser, site_url: str, **options: Any) -> Iterator[Visit]:
    """A new context with `options` (such as `color_scheme`) and a page whose URLs resolve against the served site."""
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900}, **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log = PageLog()
    log.watch(context, page)
    try:
        yield Visit(page, log)
    finally:
        context.close()


@pytest.fixture
def visit(browser: Browser, site_url: str) -> Iterator[Visit]:
    """A new context and page whose URLs resolve against the served site."""
    with visiting(browser, site_url) as visit:
        yield visit


@pytest.fixture
def small_visit(browser: Browser, small_site_url: str) -> Iterator[Visit]:
    """A new context and page on the small made-up site of tests/small_site.py."""
    with visiting(browser, small_site_url) as visit:
        yield visit


@pytest.fixture
def page(visit: Visit) -> Page:
    """The test's page."""
    return visit.page


@pytest.fixture
def log(visit: Visit) -> PageLog:
    """What the test's page did on the network and in its console."""
    return visit.log


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[None]:
    """Save a full-page screenshot when a test that used `page` fails in its call phase."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    page = getattr(item, "funcargs", {}).get("page")
    if report.when != "call" or not report.failed or not isinstance(page, Page):
        return
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', item.nodeid)}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=path, full_page=True)
        message = f"saved to {path}"
    except Error as error:
        message = f"could not be saved to {path}: {error}"
    print(f"\nscreenshot of the failing page {message}")
    report.sections.append(("screenshot", message))
