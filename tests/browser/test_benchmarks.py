"""The benchmark page in Chromium, built with a made-up set: the table sorts by any column from the keyboard, the page
fits a phone, and the picker weighs performance."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.bench.load.factories import benchmark_set, build_with
from tests.browser.conftest import PageLog, Visit, visiting
from tests.conftest import served

pytestmark = pytest.mark.browser

PATH = "/benchmarks/"


@pytest.fixture(scope="module")
def benchmarked_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    build = build_with(tmp_path_factory.mktemp("benchmarked"), benchmark_set())
    assert build.returncode == 0, build.output
    with served(build.site_dir) as url:
        yield url


@pytest.fixture
def visit(browser: Browser, benchmarked_url: str) -> Iterator[Visit]:
    """This module's pages come from the site built with a benchmark set."""
    with visiting(browser, benchmarked_url) as visit:
        yield visit


def column(page: Page, index: int) -> list[float]:
    cells = page.locator("table[data-sortable] tbody tr").evaluate_all(
        "(rows, index) => rows.map(row => row.cells[index].dataset.sort)", index
    )
    return [float(value) for value in cells]


def test_a_header_sorts_the_table_both_ways_from_the_keyboard(page: Page, log: PageLog) -> None:
    page.goto(PATH, wait_until="networkidle")
    cpu = column(page, 2)
    assert cpu == sorted(cpu), "the build ranks by CPU per request"
    header = page.get_by_role("button", name="Requests per second (IQR)")
    header.focus()
    page.keyboard.press("Enter")
    throughput = column(page, 4)
    assert throughput == sorted(throughput)
    page.keyboard.press("Enter")
    assert column(page, 4) == sorted(throughput, reverse=True)
    expect(page.locator("table[data-sortable] th", has=header)).to_have_attribute("aria-sort", "descending")
    assert log.problems() == {}


def test_at_phone_width_only_the_table_scrolls_sideways(page: Page, log: PageLog) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(PATH, wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.get_by_role("img", name="Server CPU time per request", exact=False)).to_be_visible()
    assert log.problems() == {}


def test_with_a_set_the_picker_weighs_performance(page: Page, log: PageLog) -> None:
    page.goto("/choose/", wait_until="networkidle")
    expect(page.get_by_role("slider", name="Performance")).to_be_enabled()
    assert log.problems() == {}
