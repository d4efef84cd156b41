"""Build plotly figures from catalogue data; the browser draws them with the site's own plotly.js."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

import plotly.graph_objects as go

from webatlas.catalogue.models import StarCount
from webatlas.catalogue.snapshot import PyPIRelease

PLOTLY_JS_URI = "assets/javascripts/plotly.min.js"
"""Where the site serves plotly.js, so no page depends on a CDN."""

CHART_SCRIPTS = (PLOTLY_JS_URI, "assets/javascripts/charts.js")
"""What a page with a chart loads, in order: plotly.js, then the script that draws the embedded figures."""


def plotly_js_path() -> Path:
    """The plotly.js bundle shipped inside the plotly package, matching the figures' schema."""
    return Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))


NO_TEMPLATE = "none"
"""plotly's empty template. A full one, such as plotly_white, costs about 16 ms a figure to apply and tens of kilobytes a
page, and would paint a light panel on a dark page: charts.js colours every chart from the page's own scheme instead."""


def star_history(series: Mapping[str, Sequence[StarCount]]) -> go.Figure:
    """One line per named series of star counts, with each point's source on hover."""
    figure = go.Figure()
    for name, counts in series.items():
        # plotly reads a few HTML tags in trace names; escaped, a name is only ever shown as text.
        shown = html.escape(name)
        figure.add_trace(
            go.Scatter(
                name=shown,
                x=[count.date.isoformat() for count in counts],
                y=[count.stars for count in counts],
                customdata=[html.escape(count.source) for count in counts],
                mode="lines+markers",
                marker={"size": 4},
                hovertemplate="%{x|%Y-%m-%d}: %{y:,} stars<br><sub>source: %{customdata}</sub><extra>" + shown + "</extra>",
            )
        )
    figure.update_layout(
        template=NO_TEMPLATE,
        height=440,
        margin={"l": 60, "r": 20, "t": 20, "b": 40},
        xaxis={"title": {"text": "Date"}, "type": "date"},
        yaxis={"title": {"text": "GitHub stars"}, "rangemode": "tozero", "tickformat": ","},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        showlegend=True,
    )
    return figure


def release_timeline(releases: Sequence[PyPIRelease]) -> go.Figure:
    """Releases counted up over time, one step per release, with the version on hover."""
    figure = go.Figure(
        go.Scatter(
            name="Releases",
            x=[release.date.isoformat() for release in releases],
            y=list(range(1, len(releases) + 1)),
            text=[html.escape(release.version) for release in releases],
            mode="lines+markers",
            line={"shape": "hv"},
            marker={"size": 5},
            hovertemplate="%{x|%Y-%m-%d}: %{text}<br>release %{y} on PyPI<extra></extra>",
        )
    )
    figure.update_layout(
        template=NO_TEMPLATE,
        height=320,
        margin={"l": 60, "r": 20, "t": 10, "b": 40},
        xaxis={"title": {"text": "Upload date of the release's first file"}, "type": "date"},
        yaxis={"title": {"text": "Releases so far"}, "rangemode": "tozero"},
        showlegend=False,
    )
    return figure


def figure_json(figure: go.Figure) -> str:
    """The figure as JSON that is safe inside a `<script>` element: no `<`, `>` or `&` can end it or open a comment."""
    text = str(figure.to_json(pretty=False))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
