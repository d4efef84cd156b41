"""The full table in Chromium: sorting, filters and name search, state in the address, keyboard, phone, no script."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PageLog
from tests.helpers import ROOT
from webatlas.catalogue.cells import OFFERED
from webatlas.catalogue.loading import load_catalogue

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)
PATH = "/compare/table/"


def shown_slugs(page: Page) -> list[str]:
    rows = page.locator(".atlas-full-table tbody tr:not([hidden])")
    return [str(slug) for slug in rows.evaluate_all("rows => rows.map(row => row.dataset.slug)")]


def offering(*features: str) -> set[str]:
    return {slug for slug, cells in CATALOGUE.cells.items() if all(f in cells and cells[f].support in OFFERED for f in features)}


def test_filters_and_search_narrow_the_rows_and_the_address_restores_them(page: Page, log: PageLog, site_url: str) -> None:
    page.goto(PATH, wait_until="networkidle")
    assert len(shown_slugs(page)) == len(CATALOGUE.entries)
    page.get_by_role("checkbox", name="Full framework", exact=True).check()
    page.locator("form.atlas-filters input[name=has][value=websockets]").check()
    page.locator("form.atlas-filters input[name=has][value=openapi]").check()
    frameworks = {slug for slug, entry in CATALOGUE.entries.items() if entry.layer == "framework"}
    expected = frameworks & offering("websockets", "openapi")
    assert 0 < len(expected) < len(frameworks)
    assert set(shown_slugs(page)) == expected
    expect(page).to_have_url(f"{site_url}{PATH}?layer=framework&has=websockets,openapi")
    page.get_by_label("Name").fill("fast")
    assert shown_slugs(page) == ["fastapi"]
    page.goto(f"{PATH}?layer=framework&has=websockets,openapi", wait_until="networkidle")
    assert set(shown_slugs(page)) == expected
    expect(page.get_by_role("checkbox", name="Full framework", exact=True)).to_be_checked()
    assert log.problems() == {}


def test_a_header_button_sorts_from_the_keyboard_and_the_sort_is_kept(page: Page, log: PageLog, site_url: str) -> None:
    page.goto(PATH, wait_until="networkidle")
    page.get_by_role("button", name="Started", exact=True).focus()
    page.keyboard.press("Enter")
    years = [CATALOGUE.entries[slug].facts.origins.value.year for slug in shown_slugs(page)]
    assert years == sorted(years)
    page.keyboard.press("Enter")
    years = [CATALOGUE.entries[slug].facts.origins.value.year for slug in shown_slugs(page)]
    assert years == sorted(years, reverse=True)
    expect(page.locator("th[data-column=started]")).to_have_attribute("aria-sort", "descending")
    expect(page).to_have_url(f"{site_url}{PATH}?sort=started:desc")
    page.reload(wait_until="networkidle")
    assert [CATALOGUE.entries[slug].facts.origins.value.year for slug in shown_slugs(page)] == years
    assert log.problems() == {}


def test_without_javascript_the_table_is_complete(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(PATH)
        expect(page.locator(".atlas-full-table tbody tr")).to_have_count(len(CATALOGUE.entries))
        expect(page.locator(".atlas-full-table thead th")).to_have_count(7 + len(CATALOGUE.features))
        expect(page.locator("form.atlas-filters")).to_be_hidden()
    finally:
        context.close()


def test_on_a_phone_each_entry_is_a_card(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(PATH, wait_until="networkidle")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        label = page.locator(".atlas-full-table tbody td").first.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == '"Kind: "'
    finally:
        context.close()
