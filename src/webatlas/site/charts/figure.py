"""The interactive view of a chart: a plotly figure as plain data, for the site's own plotly.js to draw on demand.

The build writes the figure as a dictionary rather than through plotly's Python classes, whose validation cost about
16 ms a figure; a test checks every figure against plotly's schema instead.
"""

from __future__ import annotations

import html
import json
from typing import Any

from webatlas.site.charts.model import Chart, Series


def _trace(chart: Chart, series: Series) -> dict[str, Any]:
    # plotly reads a few HTML tags in names and hover text; escaped, catalogue text is only ever shown as text.
    name = html.escape(series.name)
    trace: dict[str, Any] = {
        "type": "scatter",
        "name": name,
        "legendgroup": series.entry,
        "x": [date.isoformat() for date in series.dates],
        "y": list(series.values),
        "customdata": [html.escape(detail) for detail in series.details],
        "mode": "lines+markers",
        "line": {"color": series.style.colour, "dash": series.style.dash, "width": 2, "shape": "hv" if chart.steps else "linear"},
        "marker": {"size": 4, "color": series.style.colour},
        "hovertemplate": (
            f"%{{x|%Y-%m-%d}}<br>{html.escape(chart.value_title)}: %{{y:,}}"
            f"<br><sub>{chart.detail_column}: %{{customdata}}</sub><extra>{name}</extra>"
        ),
    }
    if series.years_since_first_release is not None:
        # charts.js swaps these in for the dates when the reader lines projects up by age.
        trace["meta"] = {"years_since_first_release": list(series.years_since_first_release)}
    return trace


def figure(chart: Chart) -> dict[str, Any]:
    """Traces and layout; charts.js adds the page's colours, so the figure carries no theme of its own."""
    return {
        "data": [_trace(chart, series) for series in chart.series],
        "layout": {
            "height": 360 if len(chart.series) > 4 else 300,
            "margin": {"l": 56, "r": 16, "t": 16, "b": 48},
            "showlegend": False,
            "hovermode": "closest",
            "xaxis": {"title": {"text": html.escape(chart.date_title)}, "type": "date"},
            "yaxis": {
                "title": {"text": html.escape(chart.value_title)},
                "tickformat": "~s",
                # On a log axis, label 1, 2 and 5 of each decade rather than every digit.
                **({"type": "log", "dtick": "D2"} if chart.log_scale else {"rangemode": "tozero"}),
            },
        },
    }


def figure_json(chart: Chart) -> str:
    """The figure as compact JSON, the file charts.js fetches when a reader first asks for the interactive chart."""
    return json.dumps(figure(chart), separators=(",", ":"), ensure_ascii=False)
