"""Material's search finds the entries that offer a feature, and the pages about the feature, before mere mentions."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PageLog
from tests.helpers import ROOT
from webatlas.catalogue.cells import OFFERED
from webatlas.catalogue.loading import load_catalogue

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)


def first_results(page: Page, query: str) -> list[str]:
    """The first batch of result pages for `query`, best first, as site paths."""
    page.goto("/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    items = page.locator(".md-search-result__list > li > a")
    expect(items).to_have_count(10)
    hrefs = items.evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    return [str(href) for href in hrefs]


@pytest.mark.parametrize(("query", "feature", "task"), [("websocket", "websockets", "websocket_echo"), ("cors", "cors", "cors")])
def test_a_feature_search_shows_what_offers_it_first(page: Page, log: PageLog, query: str, feature: str, task: str | None) -> None:
    """`task` is the cookbook task that proves the feature, where there is one; its page counts as being about it."""
    offering = {f"/catalogue/{slug}/" for slug, cells in CATALOGUE.cells.items() if feature in cells and cells[feature].support in OFFERED}
    about = offering | {"/features/"} | ({f"/cookbook/{task}/"} if task else set())
    assert len(about) > 10, "too few pages are about the feature for the test to tell ranking apart"
    shown = first_results(page, query)
    assert set(shown) <= about, set(shown) - about
    assert log.problems() == {}


@pytest.mark.parametrize(("query", "task"), [("websocket", "websocket_echo"), ("cors", "cors")])
def test_a_feature_search_puts_its_recipes_among_the_first_three(page: Page, log: PageLog, query: str, task: str) -> None:
    assert f"/cookbook/{task}/" in first_results(page, query)[:3]
    assert log.problems() == {}
