"""The built site in a real browser: pages load cleanly and offline, charts draw, navigation, search and tables work."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PageLog
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.maintenance.stars import from_api
from webatlas.site.charts import PLOTLY_JS_URI
from webatlas.site.render import API_SERIES_SUFFIX

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)
ENTRIES = {slug: entry.name for slug, entry in CATALOGUE.entries.items()}
"""Slug and display name of every catalogue entry."""

RUN_COMMANDS = {snippet.entry.slug: snippet.command() for snippet in CATALOGUE.snippets if snippet.task.slug == "hello_text"}
"""The documented command that starts each entry's hello_text sample."""

PAGES = {
    "home": ("/", "Async Python Web Atlas"),
    **{slug: (f"/catalogue/{slug}/", name) for slug, name in ENTRIES.items()},
    "compare": ("/compare/", "Compare"),
    "stars": ("/stars/", "Star history"),
    "features": ("/features/", "Feature vocabulary"),
    "lineage": ("/lineage/", "Lineage"),
    "method": ("/method/", "How the facts are checked"),
    "data": ("/data/", "Catalogue data for scripts"),
}
"""Every page kind by test id: its path and its h1."""

PLOTLY = "/" + PLOTLY_JS_URI
CHART = ".atlas-chart__plot"


def open_page(page: Page, path: str) -> None:
    """Go to `path` on the site, wait for the network to settle and check it answered 200."""
    response = page.goto(path, wait_until="networkidle")
    assert response is not None and response.status == 200, f"{path} answered {response and response.status}"


def heading(page: Page) -> str:
    """The page's h1 text without its permalink mark."""
    return page.locator("h1").evaluate("h1 => h1.firstChild.textContent.trim()")


def text_before_heading(page: Page) -> str:
    """Whatever the page shows above its h1, such as front matter that failed to parse."""
    script = """h1 => {
        let text = "";
        for (let node = h1.previousSibling; node; node = node.previousSibling) text += node.textContent;
        return text.trim();
    }"""
    return page.locator("h1").evaluate(script)


def legend_names(page: Page) -> list[str]:
    """The names in the chart's legend, in order."""
    return page.locator(f"{CHART} .legend .legendtext").all_text_contents()


def assert_clean(log: PageLog) -> None:
    """No console or page errors, no request off loopback, no failed request and no 4xx/5xx answer."""
    assert log.problems() == {}


@pytest.mark.parametrize(("path", "title"), PAGES.values(), ids=PAGES.keys())
def test_page_loads_cleanly_from_loopback_only(page: Page, log: PageLog, path: str, title: str) -> None:
    open_page(page, path)
    assert heading(page) == title
    assert text_before_heading(page) == ""
    assert log.requests, "no request was recorded"
    assert_clean(log)


def test_the_guard_records_and_blocks_requests_off_loopback(page: Page, log: PageLog) -> None:
    open_page(page, "/")
    outcome = page.evaluate("fetch('http://example.org/probe').then(() => 'reached', () => 'blocked')")
    assert outcome == "blocked"
    assert log.external_requests == ["http://example.org/probe"]


STAR_SERIES = {
    slug: sorted({entry.name + (API_SERIES_SUFFIX if from_api(count) else "") for count in CATALOGUE.stars_of(entry)})
    for slug, entry in CATALOGUE.entries.items()
    if CATALOGUE.stars_of(entry)
}
"""The star-chart lines each entry page should draw: one per kind of source it has counts from."""


def test_star_history_draws_one_line_per_series(page: Page, log: PageLog) -> None:
    open_page(page, "/stars/")
    expect(page.locator(f"{CHART} svg.main-svg").first).to_be_visible()
    traces = page.locator(f"{CHART} .scatterlayer .trace")
    assert sorted(legend_names(page)) == sorted(name for names in STAR_SERIES.values() for name in names)
    assert traces.count() == len(legend_names(page))
    for index in range(traces.count()):
        assert traces.nth(index).locator(".point").count() > 0, f"trace {legend_names(page)[index]} has no points"
    assert_clean(log)


@pytest.mark.parametrize("slug", STAR_SERIES)
def test_entry_page_draws_its_own_star_history(page: Page, log: PageLog, slug: str) -> None:
    open_page(page, f"/catalogue/{slug}/")
    chart = page.locator(f"#stars ~ .atlas-chart {CHART}")
    expect(chart.locator("svg.main-svg").first).to_be_visible()
    assert chart.locator(".scatterlayer .trace").count() == len(STAR_SERIES[slug])
    assert chart.locator(".scatterlayer .trace .point").count() > 0
    assert sorted(chart.locator(".legend .legendtext").all_text_contents()) == STAR_SERIES[slug]
    assert_clean(log)


RELEASE_COUNTS = {slug: len(CATALOGUE.pypi_releases(entry)) for slug, entry in CATALOGUE.entries.items() if entry.package}


@pytest.mark.parametrize("slug", RELEASE_COUNTS)
def test_entry_page_draws_its_release_timeline(page: Page, log: PageLog, slug: str) -> None:
    open_page(page, f"/catalogue/{slug}/")
    chart = page.locator(f"{CHART}#releases-{slug}")
    expect(chart.locator("svg.main-svg").first).to_be_visible()
    assert chart.locator(".scatterlayer .trace").count() == 1
    assert chart.locator(".scatterlayer .trace .point").count() == RELEASE_COUNTS[slug]
    assert_clean(log)


def test_lineage_boxes_lead_to_their_entries(page: Page, log: PageLog, site_url: str) -> None:
    open_page(page, "/lineage/")
    nodes = page.locator(".atlas-lineage a.atlas-lineage__node")
    assert nodes.count() >= 2
    expect(nodes.first).to_be_visible()
    slug = nodes.first.get_attribute("data-slug")
    nodes.first.click()
    expect(page).to_have_url(f"{site_url}/catalogue/{slug}/")
    assert heading(page) == ENTRIES[str(slug)]
    assert_clean(log)


@pytest.mark.parametrize("path", ["/", "/compare/", "/lineage/"])
def test_pages_without_a_chart_do_not_load_plotly(page: Page, log: PageLog, path: str) -> None:
    open_page(page, path)
    assert [url for url in log.requests if "plotly" in url] == []
    assert page.evaluate("typeof window.Plotly") == "undefined"
    assert_clean(log)


def test_chart_page_loads_plotly_from_the_site(page: Page, log: PageLog, site_url: str) -> None:
    open_page(page, "/stars/")
    assert [url for url in log.requests if "plotly" in url] == [site_url + PLOTLY]
    assert page.evaluate("typeof window.Plotly") == "object"
    assert_clean(log)


NAVIGATION = {
    "home list to entry": ("/", ".md-content", "FastAPI", "/catalogue/fastapi/"),
    # navigation.expand opens the layer sections, so entries are one click away in the sidebar.
    "sidebar to entry": ("/", ".md-sidebar--primary", "FastAPI", "/catalogue/fastapi/"),
    "sidebar to compare": ("/catalogue/sanic/", ".md-sidebar--primary", "Compare", "/compare/"),
}
"""Each journey: the start page, the region holding the link, the link's text, and where it lands (whose h1 is that text)."""


@pytest.mark.parametrize(("start", "region", "name", "target"), NAVIGATION.values(), ids=NAVIGATION.keys())
def test_navigation(page: Page, log: PageLog, site_url: str, start: str, region: str, name: str, target: str) -> None:
    open_page(page, start)
    link = page.locator(region).get_by_role("link", name=name, exact=True)
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(site_url + target)
    assert heading(page) == name
    assert_clean(log)


def test_search_finds_an_entry_offline(page: Page, log: PageLog, site_url: str) -> None:
    open_page(page, "/")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Sanic")
    result = page.locator(".md-search-result__item > a.md-search-result__link[href*='/catalogue/sanic/']").first
    expect(result).to_be_visible()
    result.click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(site_url)}/catalogue/sanic/(\?h=\w+)?$"))
    assert heading(page) == "Sanic"
    assert_clean(log)


def test_comparison_table_has_a_row_per_entry_and_a_column_per_feature(page: Page, log: PageLog, site_url: str) -> None:
    open_page(page, "/compare/")
    table = page.locator(".atlas-comparison table")
    headers = table.locator("thead th").all_text_contents()
    features = [feature.name for feature in CATALOGUE.features.values()]
    assert [name for name in features if name not in headers] == []
    for slug, name in ENTRIES.items():
        link = table.locator("tbody tr td:first-child").get_by_role("link", name=name, exact=True)
        expect(link).to_have_attribute("href", re.compile(rf"(^|/)catalogue/{slug}/$"))
    table.get_by_role("link", name="Sanic", exact=True).click()
    expect(page).to_have_url(f"{site_url}/catalogue/sanic/")
    assert_clean(log)


def test_comparison_keeps_the_entry_column_in_view_when_scrolled_sideways(page: Page, log: PageLog) -> None:
    open_page(page, "/compare/")
    scroller = page.locator(".atlas-comparison .md-typeset__scrollwrap").first
    scrolled = scroller.evaluate("wrap => { wrap.scrollLeft = wrap.scrollWidth; return wrap.scrollLeft; }")
    assert scrolled > 0, "the table fits: nothing to scroll"
    first_cell = page.locator(".atlas-comparison tbody tr td:first-child").first.bounding_box()
    wrap = scroller.bounding_box()
    assert first_cell is not None and wrap is not None
    assert abs(first_cell["x"] - wrap["x"]) <= 1, f"the entry column scrolled {wrap['x'] - first_cell['x']:.0f}px out of view"
    assert_clean(log)


@pytest.mark.parametrize("slug", RUN_COMMANDS)
def test_the_cookbook_shows_each_run_command(page: Page, log: PageLog, slug: str) -> None:
    open_page(page, f"/cookbook/hello_text/#{slug}")
    tab_ids = page.locator(".tabbed-set").first.locator(".tabbed-labels > label").evaluate_all("labels => labels.map(l => l.htmlFor)")
    block = page.locator(".tabbed-set").first.locator(".tabbed-block").nth(tab_ids.index(slug))
    expect(block).to_be_visible()
    commands = block.locator(".highlight:has(> .filename:text-is('Run it')) code").all_text_contents()
    assert RUN_COMMANDS[slug] in [command.strip() for command in commands]
    assert_clean(log)


def chart_colours(page: Page) -> dict[str, str]:
    """The first chart's background and text colour as plotly drew them, and the page's text colour."""
    script = """plot => ({
        paper: plot._fullLayout.paper_bgcolor,
        text: plot._fullLayout.font.color,
        page: getComputedStyle(document.body).getPropertyValue("--md-default-fg-color").trim(),
    })"""
    result: dict[str, str] = page.locator(CHART).first.evaluate(script)
    return result


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_take_the_colours_of_the_page(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    try:
        page = context.new_page()
        open_page(page, "/stars/")
        expect(page.locator(f"{CHART} svg.main-svg").first).to_be_visible()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
        page.wait_for_function("document.querySelector('.atlas-chart__plot')._fullLayout.font.color !== '#444'")
        colours = chart_colours(page)
        assert colours["paper"] == "rgba(0,0,0,0)", "the chart paints its own background over the page"
        assert colours["text"] == colours["page"]
        # Switching the scheme recolours the chart.
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        page.wait_for_function(f"document.querySelector('.atlas-chart__plot')._fullLayout.font.color !== {colours['text']!r}")
        switched = chart_colours(page)
        assert switched["text"] == switched["page"] != colours["text"]
    finally:
        context.close()
