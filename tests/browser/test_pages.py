"""The built site in a real browser: pages load cleanly and offline, charts draw, navigation, search and tables work."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.conftest import PageLog
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.site.build import charts_of
from webatlas.site.charts.files import PLOTLY_JS_URI

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
CHARTS = charts_of(CATALOGUE)


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


def static_lines(figure: Locator) -> list[str]:
    """The series the build's SVG draws in a chart's figure, in order."""
    return [str(name) for name in figure.locator("svg.atlas-svg path[data-series]").evaluate_all("ps => ps.map(p => p.dataset.series)")]


def explore(figure: Locator) -> Locator:
    """Press the figure's Explore button and wait for plotly to draw; the plot element."""
    figure.get_by_role("button", name="Explore the chart").click()
    expect(figure).to_have_class(re.compile(r"\batlas-chart--interactive\b"))
    plot = figure.locator(CHART)
    expect(plot.locator("svg.main-svg").first).to_be_visible()
    return plot


def drawn_traces(plot: Locator) -> list[str]:
    """The names of the traces plotly shows in `plot`, in order."""
    return [str(name) for name in plot.evaluate("plot => plot._fullData.filter(t => t.visible === true).map(t => t.name)")]


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
    name.removeprefix("stars-"): [series.name for series in chart.series] for name, chart in CHARTS.items() if name.startswith("stars-")
}
"""The star-chart lines each entry page should draw: one per kind of source it has counts from."""


def test_star_history_draws_every_series_before_any_script_and_on_demand(page: Page, log: PageLog) -> None:
    open_page(page, "/stars/")
    figure = page.locator(".atlas-chart")
    every_series = [name for names in STAR_SERIES.values() for name in names]
    assert static_lines(figure) == every_series
    plot = explore(figure)
    assert drawn_traces(plot) == every_series
    for index in range(len(every_series)):
        assert plot.locator(".scatterlayer .trace").nth(index).locator(".point").count() > 0, every_series[index]
    assert_clean(log)


@pytest.mark.parametrize("slug", STAR_SERIES)
def test_entry_page_draws_its_own_star_history(page: Page, log: PageLog, slug: str) -> None:
    open_page(page, f"/catalogue/{slug}/")
    figure = page.locator(f".atlas-chart:has(#stars-{slug})")
    assert static_lines(figure) == STAR_SERIES[slug]
    plot = explore(figure)
    assert drawn_traces(plot) == STAR_SERIES[slug]
    assert plot.locator(".scatterlayer .trace .point").count() > 0
    assert_clean(log)


RELEASE_COUNTS = {slug: len(CATALOGUE.pypi_releases(entry)) for slug, entry in CATALOGUE.entries.items() if entry.package}


@pytest.mark.parametrize("slug", RELEASE_COUNTS)
def test_entry_page_draws_its_release_timeline(page: Page, log: PageLog, slug: str) -> None:
    open_page(page, f"/catalogue/{slug}/")
    figure = page.locator(f".atlas-chart:has(#releases-{slug})")
    assert static_lines(figure) == [ENTRIES[slug]]
    plot = explore(figure)
    assert plot.locator(".scatterlayer .trace").count() == 1
    assert plot.locator(".scatterlayer .trace .point").count() == RELEASE_COUNTS[slug]
    assert_clean(log)


def test_star_controls_keep_the_readers_choice_in_the_address(page: Page, log: PageLog, site_url: str) -> None:
    open_page(page, "/stars/")
    figure = page.locator(".atlas-chart")
    figure.get_by_role("button", name="None").click()
    for name in ("FastAPI", "Django"):
        figure.get_by_role("checkbox", name=name, exact=True).check()
    figure.get_by_role("radio", name="Linear").check()
    figure.get_by_role("radio", name="Years since first PyPI release").check()
    expect(page).to_have_url(f"{site_url}/stars/?show=django,fastapi&scale=linear&align=age")
    plot = figure.locator(CHART)
    expect(plot.locator("svg.main-svg").first).to_be_visible()
    shown = sorted(STAR_SERIES["django"] + STAR_SERIES["fastapi"])

    def assert_chosen() -> None:
        page.wait_for_function("document.querySelector('.atlas-chart__plot')._fullLayout?.xaxis.type === 'linear'")
        assert sorted(drawn_traces(plot)) == shown
        assert plot.evaluate("plot => [plot._fullLayout.xaxis.type, plot._fullLayout.yaxis.type]") == ["linear", "linear"]

    assert_chosen()
    # The address alone brings the same chart back.
    open_page(page, "/stars/?show=django,fastapi&scale=linear&align=age")
    expect(figure.get_by_role("checkbox", name="Flask", exact=True)).not_to_be_checked()
    expect(figure.get_by_role("radio", name="Years since first PyPI release")).to_be_checked()
    assert_chosen()
    assert_clean(log)


def test_star_dates_narrow_the_axis(page: Page, log: PageLog, site_url: str) -> None:
    open_page(page, "/stars/")
    page.locator(".atlas-chart select[name=from]").select_option("2022")
    expect(page).to_have_url(f"{site_url}/stars/?from=2022")
    page.wait_for_function("document.querySelector('.atlas-chart__plot')._fullLayout?.xaxis.range?.[0]?.startsWith('2022')")
    assert_clean(log)


@pytest.mark.parametrize("path", ["/stars/", "/catalogue/fastapi/"])
def test_chart_image_and_data_links_resolve(page: Page, log: PageLog, path: str) -> None:
    open_page(page, path)
    links = page.locator(".atlas-chart__links a")
    assert links.count() >= 2
    for href in links.evaluate_all("links => links.map(link => link.href)"):
        answer = page.request.get(href)
        assert answer.status == 200, href
        kind = answer.headers["content-type"]
        assert ("svg" in kind) if href.endswith(".svg") else ("csv" in kind or "text" in kind), (href, kind)
    assert_clean(log)


def test_a_chart_is_usable_on_a_phone(browser: Browser, site_url: str) -> None:
    context = browser.new_context(base_url=site_url, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        open_page(page, "/stars/")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390, "the page scrolls sideways"
        static = page.locator("svg.atlas-svg").first.bounding_box()
        assert static is not None and static["width"] >= 340 and static["height"] >= 300
        assert page.locator("svg.atlas-svg text").first.evaluate("t => getComputedStyle(t).fontSize") == "12px"
        plot = explore(page.locator(".atlas-chart"))
        drawn = plot.bounding_box()
        assert drawn is not None and drawn["width"] >= 340 and drawn["height"] >= 300
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    finally:
        context.close()


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
    assert [url for url in log.requests if "plotly" in url or "charts" in url] == []
    assert page.evaluate("typeof window.Plotly") == "undefined"
    assert_clean(log)


def test_chart_page_loads_plotly_from_the_site_only_when_a_reader_asks(page: Page, log: PageLog, site_url: str) -> None:
    open_page(page, "/stars/")
    assert [url for url in log.requests if "plotly" in url] == []
    page.locator(CHART).hover()
    expect(page.locator(".atlas-chart--interactive")).to_have_count(1)
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


def static_colours(page: Page) -> tuple[str, str]:
    """The colour of the static chart's tick labels, and the colour the page gives its light text."""
    script = """svg => {
        const probe = document.createElement("span");
        probe.style.color = "var(--md-default-fg-color--light)";
        document.body.append(probe);
        const light = getComputedStyle(probe).color;
        probe.remove();
        return [getComputedStyle(svg.querySelector(".atlas-svg__muted")).fill, light];
    }"""
    labels, light = page.locator("svg.atlas-svg").first.evaluate(script)
    return str(labels), str(light)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_take_the_colours_of_the_page(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(base_url=site_url, color_scheme=scheme)
    try:
        page = context.new_page()
        open_page(page, "/stars/")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
        labels, light = static_colours(page)
        assert labels == light, "the static chart keeps colours of its own"
        explore(page.locator(".atlas-chart"))
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


SCRIPTED_PAGES = ["/choose/", "/compare/table/", "/compare/side-by-side/", "/stars/", "/catalogue/fastapi/", "/benchmarks/"]
"""Pages whose scripts change what is shown after the first paint."""

LAYOUT_SHIFT = """
window.__layoutShift = 0;
const add = (entries) => { for (const entry of entries) if (!entry.hadRecentInput) window.__layoutShift += entry.value; };
window.__layoutShifts = new PerformanceObserver((list) => add(list.getEntries()));
window.__layoutShifts.observe({ type: "layout-shift", buffered: true });
window.__settledShift = async () => {
  await document.fonts.ready;
  // The second frame starts once the first, which lays out the last change, has been drawn: its shifts are recorded.
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  add(window.__layoutShifts.takeRecords());
  return window.__layoutShift;
};
"""
"""Sums layout shift as Chromium scores it; `__settledShift()` adds the shifts not yet delivered once fonts and layout settle."""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", SCRIPTED_PAGES)
def test_nothing_moves_when_a_pages_script_starts(page: Page, log: PageLog, path: str, width: int) -> None:
    """Layout shift, as Chromium scores it, stays below 0.1 (Lighthouse's "good"): forms are shown from the first paint."""
    page.set_viewport_size({"width": width, "height": 844})
    page.add_init_script(LAYOUT_SHIFT)
    # The scripts draw once their data has arrived, which networkidle waits for; drawing is then a frame or two away.
    page.goto(path, wait_until="networkidle")
    assert page.evaluate("window.__settledShift()") < 0.1
    assert log.problems() == {}
