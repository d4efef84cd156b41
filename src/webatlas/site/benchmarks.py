"""What the /benchmarks/ page and the entry pages show of the newest load benchmark set: ranked rows, bars with their
spread, the servers' curves and each entry's own figures, all derived from the rounds the set holds."""

from __future__ import annotations

from dataclasses import dataclass

from webatlas.catalogue.benchmarks.figures import Figures, Ratios, figures_of, ratios
from webatlas.catalogue.benchmarks.results import BenchmarkSet, Measurement
from webatlas.catalogue.benchmarks.scenarios import HEADLINE

MEBIBYTE = 1024 * 1024


@dataclass(frozen=True)
class Row:
    measurement: Measurement
    figures: Figures
    ratios: Ratios | None

    @property
    def raw(self) -> bool:
        return self.measurement.subject.startswith("raw-")


# The set's rows, kept with the set they came from. A build reads one set, and each entry page, the claims and
# /benchmarks/ ask for its rows again: deriving them each time cost over a second of a build.
_derived: list[tuple[BenchmarkSet, tuple[Row, ...]]] = []


def rows(result: BenchmarkSet) -> tuple[Row, ...]:
    """Every timed measurement, least CPU per request first: the ranking that a noisy neighbour disturbs least."""
    if _derived and _derived[0][0] is result:
        return _derived[0][1]
    timed = [Row(item, figures_of(item), ratios(result, item)) for item in result.measurements if item.rounds]
    ranked = tuple(sorted(timed, key=lambda row: row.figures.cpu_us.median))
    _derived[:] = [(result, ranked)]
    return ranked


def headline(result: BenchmarkSet) -> list[Row]:
    """The headline scenario at the headline concurrency: one bar per framework setup and per raw server."""
    return [
        row
        for row in rows(result)
        if row.measurement.task == HEADLINE.task and row.measurement.concurrency == result.method.headline_concurrency
    ]


def untimed(result: BenchmarkSet) -> list[Measurement]:
    return [item for item in result.measurements if item.problems]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    low: float
    high: float
    raw: bool


def bars(result: BenchmarkSet, metric: str) -> list[Bar]:
    """`cpu` or `throughput` of the headline rows, with the interquartile range as the whisker."""
    found = []
    for row in headline(result):
        spread = row.figures.cpu_us if metric == "cpu" else row.figures.throughput
        found.append(Bar(row.measurement.name.replace(f"/{HEADLINE.task}", ""), spread.median, spread.q1, spread.q3, row.raw))
    return sorted(found, key=lambda bar: bar.value if metric == "cpu" else -bar.value)


@dataclass(frozen=True)
class Curve:
    server: str
    subject: str
    points: list[tuple[int, float, float, float]]
    """(concurrency, median, q1, q3) of requests per second."""


def curves(result: BenchmarkSet) -> list[Curve]:
    """Each raw app's throughput along the concurrencies of the curve, per server."""
    by_server: dict[tuple[str, str], list[tuple[int, float, float, float]]] = {}
    for row in rows(result):
        if row.raw:
            spread = row.figures.throughput
            key = (row.measurement.subject, row.measurement.server)
            by_server.setdefault(key, []).append((row.measurement.concurrency, spread.median, spread.q1, spread.q3))
    return [Curve(server, subject, sorted(points)) for (subject, server), points in sorted(by_server.items())]


def cv_range(result: BenchmarkSet) -> tuple[float, float]:
    """The smallest and largest coefficient of variation, of throughput or CPU time, over every timed measurement."""
    values = [cv for row in rows(result) for cv in (row.figures.throughput.cv, row.figures.cpu_us.cv)]
    return min(values), max(values)


@dataclass(frozen=True)
class EntryFigures:
    rows: list[Row]
    rank: int
    """Its best place on the headline by CPU per request, among frameworks, or for a server among raw apps' servers."""
    of: int


def for_entry(result: BenchmarkSet, slug: str, is_server: bool) -> EntryFigures | None:
    """A framework's measurements, or the raw apps' on a server, with its place; None when nothing of it was timed."""

    def belongs(row: Row) -> bool:
        return row.raw and row.measurement.server == slug if is_server else row.measurement.subject == slug

    own = [row for row in rows(result) if belongs(row)]
    if not own:
        return None
    # Ranked by who it is: a framework once per setup it ran on, a server once per raw app it ran.
    places: list[str] = []
    for row in headline(result):
        if row.raw == is_server:
            key = row.measurement.server if is_server else row.measurement.subject
            if key not in places:
                places.append(key)
    return EntryFigures(own, places.index(slug) + 1, len(places))
