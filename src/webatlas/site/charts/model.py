"""What a chart shows, built once from the catalogue; every view of it (SVG, plotly figure, CSV) reads this."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.models import Entry, StarCount
from webatlas.site.charts.styles import SeriesStyle, styles_for

API_SERIES_SUFFIX = " (GitHub API, weekly)"
"""Added to an entry's name for the line of star counts that came from GitHub's API rather than a transcription."""

ALL_STARS = "stars"
"""The name of the chart of every entry's stars, on the star-history page."""


@dataclass(frozen=True)
class Series:
    """One line: an entry's values over time, with a detail per point (a count's source, a release's version)."""

    name: str
    entry: str
    """The slug of the entry the line belongs to, so a reader can show or hide an entry's lines together."""
    entry_name: str
    dates: tuple[dt.date, ...]
    values: tuple[int, ...]
    details: tuple[str, ...]
    style: SeriesStyle
    years_since_first_release: tuple[float, ...] | None = None
    """Each point's distance from the entry's first PyPI release, for charts that line projects up by age."""
    from_api: bool = False
    """The points are GitHub's weekly star totals rather than counts transcribed from a dataset."""


@dataclass(frozen=True)
class EntryLines:
    """The lines one entry has on a chart, for a legend that shows or hides an entry as a whole."""

    slug: str
    name: str
    styles: tuple[SeriesStyle, ...]


@dataclass(frozen=True)
class Chart:
    """A line chart over dates, with what an image of it must carry to be pasted elsewhere: title, source and date."""

    name: str
    """Stable file name under /charts/, such as `stars-fastapi`."""
    element_id: str
    title: str
    value_title: str
    date_title: str
    value_column: str
    detail_column: str
    series: tuple[Series, ...]
    source: str
    as_of: dt.date
    page: str
    """Where the chart lives on the site, relative to the root: the page the image links back to."""
    steps: bool = False
    """Draw each change as a step (a count that jumps at a release) rather than a slope."""
    log_scale: bool = False
    """Values span orders of magnitude, so they are drawn on a log axis unless the reader asks for a linear one."""

    @property
    def first_date(self) -> dt.date:
        return min(series.dates[0] for series in self.series)

    @property
    def description(self) -> str:
        """A one-line text alternative: what is drawn, over which period, and the latest values."""
        lines = "; ".join(f"{series.name} {series.values[-1]:,} on {series.dates[-1].isoformat()}" for series in self.series)
        return f"{self.title}, from {self.first_date.isoformat()} to {self.as_of.isoformat()}. Latest: {lines}."

    def entry_lines(self) -> list[EntryLines]:
        """Each entry on the chart with the styles of its lines, in the order the lines are drawn."""
        by_entry: dict[str, list[Series]] = {}
        for series in self.series:
            by_entry.setdefault(series.entry, []).append(series)
        return [
            EntryLines(slug, lines[0].entry_name, tuple(series.style for series in lines)) for slug, lines in by_entry.items()
        ]


def _star_series(catalogue: Catalogue, entries: Sequence[Entry]) -> list[tuple[bool, Entry, list[StarCount]]]:
    """Per entry, one line for transcribed counts and one for API counts, in catalogue order; empty lines dropped."""
    found: list[tuple[bool, Entry, list[StarCount]]] = []
    for entry in entries:
        counts = catalogue.stars_of(entry)
        for from_api in (False, True):
            kept = [count for count in counts if count.from_api == from_api]
            if kept:
                found.append((from_api, entry, kept))
    return found


def _years_since(start: dt.date | None, dates: Sequence[dt.date]) -> tuple[float, ...] | None:
    return None if start is None else tuple(round((date - start).days / 365.25, 3) for date in dates)


def star_chart(catalogue: Catalogue, entries: Sequence[Entry], name: str, element_id: str, page: str) -> Chart:
    """GitHub stars over time of `entries`, one line per entry and kind of source."""
    lines = _star_series(catalogue, entries)
    series = tuple(
        Series(
            name=entry.name + (API_SERIES_SUFFIX if from_api else ""),
            entry=entry.slug,
            entry_name=entry.name,
            dates=tuple(count.date for count in counts),
            values=tuple(count.stars for count in counts),
            details=tuple(count.source for count in counts),
            style=style,
            years_since_first_release=_years_since(
                releases[0].date if (releases := catalogue.pypi_releases(entry)) else None, [count.date for count in counts]
            ),
            from_api=from_api,
        )
        for (from_api, entry, counts), style in zip(lines, styles_for(len(lines), name), strict=True)
    )
    subject = entries[0].name if len(entries) == 1 else "Async Python web frameworks and servers"
    return Chart(
        name=name,
        element_id=element_id,
        title=f"{subject}: GitHub stars over time",
        value_title="GitHub stars",
        date_title="Date",
        value_column="stars",
        detail_column="source",
        series=series,
        source="GitHub star counts transcribed from public datasets, and GitHub's API; each point's source is in the CSV",
        as_of=max(date for line in series for date in line.dates),
        page=page,
        # Side by side, the largest projects have a hundred times the stars of the smallest: on a linear axis most
        # lines would lie flat along the bottom.
        log_scale=len(entries) > 1,
    )


def release_chart(catalogue: Catalogue, entry: Entry, page: str) -> Chart:
    """The entry's releases on PyPI counted up over time, from the snapshot."""
    releases = catalogue.pypi_releases(entry)
    facts = catalogue.releases_of(entry)
    name = f"releases-{entry.slug}"
    (style,) = styles_for(1, name)
    series = Series(
        name=entry.name,
        entry=entry.slug,
        entry_name=entry.name,
        dates=tuple(release.date for release in releases),
        values=tuple(range(1, len(releases) + 1)),
        details=tuple(release.version for release in releases),
        style=style,
    )
    return Chart(
        name=name,
        element_id=name,
        title=f"{entry.name}: releases on PyPI over time",
        value_title="Releases so far",
        date_title="Upload date of the release's first file",
        value_column="releases_so_far",
        detail_column="version",
        series=(series,),
        source=f"PyPI's JSON API, snapshot of {facts.as_of.isoformat()}",
        as_of=facts.as_of,
        page=page,
        steps=True,
    )
