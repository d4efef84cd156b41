"""Pair pages in Chromium: complete without JavaScript and trimmed to differences with it, on the small site of
tests/small_site.py; readable on a phone, on the real site."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PageLog, Visit, visiting
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)
PATH = "/compare/fastapi-vs-django/"
ROWS = 12
"""The small site's pair page has 9 fact rows and one row per feature: WebSockets, CORS and HTTP/2."""
SAME = 7
"""Rows where Fastapi and Django agree: kind, built on, project started, latest release, status, WebSockets and HTTP/2;
they differ in interfaces, first upload, licence, Python and CORS (see tests/site/test_pairs.py)."""


def test_without_javascript_the_pair_page_shows_every_row(browser: Browser, small_site_url: str) -> None:
    with visiting(browser, small_site_url, java_script_enabled=False) as visit:
        page = visit.page
        page.goto(PATH)
        rows = page.locator(".atlas-side-by-side tbody tr")
        expect(rows).to_have_count(ROWS)
        for index in range(ROWS):
            expect(rows.nth(index)).to_be_visible()
        expect(page.get_by_role("checkbox")).to_have_count(0)
        expect(page.get_by_role("heading", name="What separates them")).to_be_visible()


def test_the_switch_hides_the_rows_where_both_agree(small_visit: Visit) -> None:
    page = small_visit.page
    page.goto(PATH, wait_until="networkidle")
    switch = page.get_by_role("checkbox", name=f"Only rows that differ (hides {SAME} where all agree)")
    switch.focus()
    page.keyboard.press("Space")
    expect(page.locator(".atlas-side-by-side tbody tr:visible")).to_have_count(ROWS - SAME)
    page.keyboard.press("Space")
    expect(page.locator(".atlas-side-by-side tbody tr:visible")).to_have_count(ROWS)
    assert small_visit.log.problems() == {}


def test_on_a_phone_each_row_names_its_entries_and_nothing_scrolls_sideways(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(PATH, wait_until="networkidle")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        cell = page.locator(".atlas-side-by-side tbody td").first
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == f'"{CATALOGUE.entries["fastapi"].name}: "'
    finally:
        context.close()


SIDE_BY_SIDE = "/compare/side-by-side/"


def caption(page: Page) -> str:
    return " ".join(page.locator(".atlas-side-by-side caption").inner_text().split())


def test_choosing_entries_builds_their_table_and_the_address_restores_it(page: Page, log: PageLog, site_url: str) -> None:
    page.goto(SIDE_BY_SIDE, wait_until="networkidle")
    assert caption(page) == "FastAPI, Litestar, Sanic and Django compared: key facts, then features"
    for name in ("Litestar", "Sanic", "Django"):
        page.get_by_role("checkbox", name=name, exact=True).uncheck()
    page.get_by_role("checkbox", name="Uvicorn", exact=True).check()
    expect(page).to_have_url(f"{site_url}{SIDE_BY_SIDE}?entries=fastapi,uvicorn")
    expect(page.locator(".atlas-side-by-side caption")).to_have_text("FastAPI and Uvicorn compared: key facts, then features")
    expect(page.locator(".atlas-side-by-side thead th")).to_have_text(["Fact or feature", "FastAPI", "Uvicorn"])
    # A framework and a server: every feature applies to one of them; the server is not judged on OpenAPI.
    openapi = page.locator(".atlas-side-by-side tbody tr", has=page.get_by_role("rowheader", name="OpenAPI generation"))
    expect(openapi.locator("td").nth(1)).to_have_text("does not apply to a server")
    page.goto(f"{SIDE_BY_SIDE}?entries=fastapi,uvicorn", wait_until="networkidle")
    expect(page.locator(".atlas-side-by-side caption")).to_have_text("FastAPI and Uvicorn compared: key facts, then features")
    expect(page.get_by_role("checkbox", name="Django", exact=True)).not_to_be_checked()
    assert log.problems() == {}


def test_the_picker_keeps_to_four_and_works_from_the_keyboard(page: Page, log: PageLog) -> None:
    page.goto(SIDE_BY_SIDE, wait_until="networkidle")
    quart = page.get_by_role("checkbox", name="Quart", exact=True)
    quart.focus()
    page.keyboard.press("Space")
    expect(quart).not_to_be_checked()
    expect(page.locator(".atlas-picker__hint")).to_have_text("At most 4 entries: clear one first.")
    page.get_by_role("checkbox", name="Django", exact=True).focus()
    page.keyboard.press("Space")
    quart.focus()
    page.keyboard.press("Space")
    expect(page.locator(".atlas-side-by-side thead th")).to_have_text(["Fact or feature", "FastAPI", "Litestar", "Sanic", "Quart"])
    assert log.problems() == {}


def test_the_side_by_side_page_on_a_phone(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(f"{SIDE_BY_SIDE}?entries=flask,quart", wait_until="networkidle")
        expect(page.locator(".atlas-side-by-side caption")).to_have_text("Flask and Quart compared: key facts, then features")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    finally:
        context.close()
