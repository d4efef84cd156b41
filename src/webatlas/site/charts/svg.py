"""The static picture of a chart, drawn from the same `Chart` as the interactive one.

Inline on its page it is what a reader sees before any script runs, and it fills its container: horizontal positions
are percentages, and the lines sit in a nested SVG stretched only sideways, with strokes that do not stretch, so text
keeps its size on a phone. As a file it has a fixed size, a background, a legend, and the title, source and date inside
the image, so it can be pasted into a wiki and still say what it shows.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from webatlas.site.charts.model import Chart
from webatlas.site.charts.styles import SeriesStyle

FILE_WIDTH = 960
"""Pixels across of the image file: wide enough for a wiki page, narrow enough not to be scaled down on most."""

FILE_MARGIN = 16
"""Pixels left clear at each side of the file, which has no page margin around it."""

PLOT_UNITS = 1000
"""Width of the nested plot's own coordinates; the browser stretches it to whatever width the chart gets."""

FILE_STYLE = """
  .atlas-svg { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  .atlas-svg__background { fill: #fff; }
  .atlas-svg__text, .atlas-svg__title { fill: #1f2328; }
  .atlas-svg__title { font-size: 18px; font-weight: 600; }
  .atlas-svg__muted { fill: #57606a; }
  .atlas-svg__grid { stroke: #d0d7de; }
  .atlas-svg__label { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
"""
"""Fixed colours for the file, which has no page around it; inline, the site's stylesheet colours the same classes."""


@dataclass(frozen=True)
class _Frame:
    width: int | None
    """None inline: the SVG fills its container."""
    top: int
    plot_height: int

    def x(self, fraction: float) -> str:
        """A horizontal position as an SVG length: a percentage inline, pixels inside the file's margins."""
        if self.width is None:
            return f"{fraction * 100:.3f}%"
        return f"{FILE_MARGIN + fraction * (self.width - 2 * FILE_MARGIN):.1f}"

    @property
    def plot_width(self) -> str:
        return "100%" if self.width is None else str(self.width - 2 * FILE_MARGIN)

    @property
    def bottom(self) -> int:
        return self.top + self.plot_height


def _nice_step(span: float, most: int) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that cuts `span` into at most `most` parts."""
    rough = span / most
    power = 10 ** math.floor(math.log10(rough))
    return float(next(power * factor for factor in (1, 2, 2.5, 5, 10) if power * factor >= rough))


def _count_label(value: float) -> str:
    """A short tick label: 1.5k, 80k, 1.2M; small counts as they are."""
    for size, suffix in ((1_000_000, "M"), (1_000, "k")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


@dataclass(frozen=True)
class _ValueAxis:
    """Where a value sits, from 0 at the bottom of the plot to 1 at the top, and the values to label."""

    ticks: list[float]
    log: bool

    @classmethod
    def of(cls, chart: Chart) -> _ValueAxis:
        values = [value for series in chart.series for value in series.values]
        if chart.log_scale:
            lowest = 10 ** math.floor(math.log10(max(min(values), 1)))
            # At least one decade: values that all sit on one power of ten would otherwise leave the axis no height.
            highest = max(10 ** math.ceil(math.log10(max(max(values), 10))), lowest * 10)
            return cls([10**power for power in range(round(math.log10(lowest)), round(math.log10(highest)) + 1)], log=True)
        step = _nice_step(max(max(values), 4), 4)
        return cls([step * index for index in range(math.ceil(max(max(values), 1) / step) + 1)], log=False)

    def fraction(self, value: float) -> float:
        if self.log:
            low, high = math.log10(self.ticks[0]), math.log10(self.ticks[-1])
            return (math.log10(max(value, self.ticks[0])) - low) / (high - low)
        return value / self.ticks[-1]


def _year_ticks(first: dt.date, last: dt.date, most: int) -> list[dt.date]:
    """New Year's days inside the range, every 1, 2, 5 or 10 years so that at most `most` are labelled."""
    years = range(first.year + (first > dt.date(first.year, 1, 1)), last.year + 1)
    step = next((step for step in (1, 2, 5, 10, 20) if len(years[::step]) <= most), 50)
    return [dt.date(year, 1, 1) for year in years if year % step == 0]


def _dash(style: SeriesStyle) -> str:
    return f' stroke-dasharray="{style.dash_array}"' if style.dash_array else ""


def swatch(style: SeriesStyle) -> str:
    """A short sample of a series' line, for a legend written in HTML beside the chart."""
    return (
        '<svg class="atlas-swatch" width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">'
        f'<line x1="1" y1="5" x2="27" y2="5" stroke="{style.colour}" stroke-width="2.5"{_dash(style)}/></svg>'
    )


def _path(chart: Chart, points: list[tuple[float, float]]) -> str:
    commands = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for x, y in points[1:]:
        commands.append(f"H{x:.1f}V{y:.1f}" if chart.steps else f"L{x:.1f},{y:.1f}")
    if len(points) == 1:
        commands.append("h0.01")  # with a round cap, a lone point still shows as a dot
    return "".join(commands)


def _plot(chart: Chart, frame: _Frame, first: dt.date, span_days: int, axis: _ValueAxis, dates: list[dt.date]) -> Iterator[str]:
    """The nested SVG with grid and lines, in units of PLOT_UNITS across and pixels down."""
    height = frame.plot_height
    yield (
        f'<svg x="{frame.x(0)}" y="{frame.top}" width="{frame.plot_width}" height="{height}" '
        f'viewBox="0 0 {PLOT_UNITS} {height}" preserveAspectRatio="none" overflow="visible">'
    )
    yield '<g class="atlas-svg__grid" fill="none" stroke-width="1" vector-effect="non-scaling-stroke">'
    for tick in axis.ticks:
        y = height - axis.fraction(tick) * height
        yield f'<path d="M0,{y:.1f}H{PLOT_UNITS}" vector-effect="non-scaling-stroke"/>'
    for date in dates:
        x = (date - first).days / span_days * PLOT_UNITS
        yield f'<path d="M{x:.1f},{height}v6" vector-effect="non-scaling-stroke"/>'
    yield "</g>"
    for series in chart.series:
        points = [
            ((date - first).days / span_days * PLOT_UNITS, height - axis.fraction(value) * height)
            for date, value in zip(series.dates, series.values, strict=True)
        ]
        yield (
            f'<path d="{_path(chart, points)}" fill="none" stroke="{series.style.colour}" stroke-width="2"{_dash(series.style)} '
            f'stroke-linejoin="round" stroke-linecap="round" vector-effect="non-scaling-stroke" data-series={quoteattr(series.name)}/>'
        )
    yield "</svg>"


def _legend(chart: Chart, top: int) -> Iterator[str]:
    """Three columns of line samples and names, for the file only: inline, the page lists the series in HTML."""
    column_width = FILE_WIDTH // 3
    for index, series in enumerate(chart.series):
        x = 16 + (index % 3) * column_width
        y = top + (index // 3) * 20
        style = series.style
        yield f'<line x1="{x}" y1="{y - 4}" x2="{x + 26}" y2="{y - 4}" stroke="{style.colour}" stroke-width="2.5"{_dash(style)}/>'
        yield f'<text class="atlas-svg__text" x="{x + 34}" y="{y}">{escape(series.name)}</text>'


def render(chart: Chart, *, as_file: bool, site_url: str = "") -> str:
    """The chart as SVG: inline for its page, or `as_file` with its title, legend, source, date and a link back."""
    first = chart.first_date
    last = max(chart.as_of, *(series.dates[-1] for series in chart.series))
    span_days = max((last - first).days, 1)
    axis = _ValueAxis.of(chart)
    plot_height = 300 if len(chart.series) > 4 else 220
    frame = _Frame(width=FILE_WIDTH if as_file else None, top=84 if as_file else 34, plot_height=plot_height)
    years = _year_ticks(first, last, most=12 if as_file else 6)
    legend_rows = math.ceil(len(chart.series) / 3) if as_file and len(chart.series) > 1 else 0
    legend_top = frame.bottom + 66
    height = legend_top + legend_rows * 20 + (44 if as_file else -20)
    title_id = f"{chart.element_id}-svg-title"
    size = f'width="{FILE_WIDTH}" height="{height}" viewBox="0 0 {FILE_WIDTH} {height}"' if as_file else f'width="100%" height="{height}"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="atlas-svg" {size} role="img" aria-labelledby="{title_id}">',
        f'<title id="{title_id}">{escape(chart.description)}</title>',
    ]
    if as_file:
        parts += [
            f"<style>{FILE_STYLE}</style>",
            '<rect class="atlas-svg__background" width="100%" height="100%"/>',
            f'<text class="atlas-svg__title" x="16" y="32">{escape(chart.title)}</text>',
        ]
    scale = ", log scale" if axis.log else ""
    parts.append(f'<text class="atlas-svg__muted" x="{frame.x(0)}" y="{frame.top - 22}">{escape(chart.value_title)}{scale}</text>')
    parts += _plot(chart, frame, first, span_days, axis, years)
    for tick in axis.ticks:
        y = frame.bottom - axis.fraction(tick) * frame.plot_height
        parts.append(f'<text class="atlas-svg__muted atlas-svg__label" x="{frame.x(0)}" y="{y - 4:.1f}">{_count_label(tick)}</text>')
    for date in years:
        fraction = (date - first).days / span_days
        anchor = "start" if fraction < 0.04 else "end" if fraction > 0.96 else "middle"
        parts.append(
            f'<text class="atlas-svg__muted" x="{frame.x(fraction)}" y="{frame.bottom + 20}" text-anchor="{anchor}">{date.year}</text>'
        )
    parts.append(
        f'<text class="atlas-svg__muted" x="{frame.x(0.5)}" y="{frame.bottom + 40}" text-anchor="middle">{escape(chart.date_title)}</text>'
    )
    if as_file:
        parts += _legend(chart, legend_top)
        footer = legend_top + legend_rows * 20 + 8
        link = f" · {site_url.rstrip('/')}/{chart.page}" if site_url else ""
        parts += [
            f'<text class="atlas-svg__muted" x="16" y="{footer}">Source: {escape(chart.source)}.</text>',
            f'<text class="atlas-svg__muted" x="16" y="{footer + 18}">'
            f"As of {chart.as_of.isoformat()} · Async Python Web Atlas{escape(link)}</text>",
        ]
    parts.append("</svg>")
    return "\n".join(parts)
