"""Every chart the site draws, and the files each one is published as: an SVG image, its CSV and its plotly figure."""

from __future__ import annotations

from collections.abc import Callable

from webatlas.catalogue.catalogue import Catalogue
from webatlas.site.charts import svg
from webatlas.site.charts.figure import figure_json
from webatlas.site.charts.model import ALL_STARS, Chart, release_chart, star_chart
from webatlas.site.charts.table import chart_csv

CHARTS_DIR = "charts"
STARS_CSV_URI = "stars.csv"
"""The star history of every entry, at a short address of its own beside /catalogue.csv."""

PLOTLY_JS_URI = "assets/javascripts/vendor/plotly-basic.min.js"
"""plotly.js's basic bundle (scatter, bar and pie), vendored from the npm registry at the version the lock file pins."""

CHART_SCRIPT_URI = "assets/javascripts/charts.js"
"""The one script a chart page loads; it fetches plotly.js itself, only when a reader asks for the interactive chart."""

CHART_STYLE_URI = "assets/stylesheets/charts.css"
"""The charts' own styles, loaded by chart pages only."""


def svg_uri(chart: Chart) -> str:
    return f"{CHARTS_DIR}/{chart.name}.svg"


def csv_uri(chart: Chart) -> str:
    return STARS_CSV_URI if chart.name == ALL_STARS else f"{CHARTS_DIR}/{chart.name}.csv"


def figure_uri(chart: Chart) -> str:
    return f"{CHARTS_DIR}/{chart.name}.json"


def site_charts(catalogue: Catalogue, entry_page: Callable[[str], str], stars_page: str) -> dict[str, Chart]:
    """Every chart by name: all entries' stars, and each entry's own stars and releases where it has any."""
    entries = list(catalogue.entries.values())
    starred = any(catalogue.stars_of(entry) for entry in entries)
    charts = [star_chart(catalogue, entries, name=ALL_STARS, element_id="stars-all", page=stars_page)] if starred else []
    for entry in entries:
        if catalogue.stars_of(entry):
            page = entry_page(entry.slug) + "#stars"
            charts.append(star_chart(catalogue, [entry], name=f"stars-{entry.slug}", element_id=f"stars-{entry.slug}", page=page))
        if catalogue.pypi_releases(entry):
            charts.append(release_chart(catalogue, entry, page=entry_page(entry.slug) + "#releases"))
    return {chart.name: chart for chart in charts}


def chart_files(chart: Chart, site_url: str) -> dict[str, str]:
    """The chart's published files by URI: the image links back to `site_url`."""
    return {
        svg_uri(chart): svg.render(chart, as_file=True, site_url=site_url),
        csv_uri(chart): chart_csv(chart),
        figure_uri(chart): figure_json(chart),
    }
