"""Each candidate's facts for the hard requirements and its score on each criterion that does not depend on the reader."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from webatlas.catalogue.benchmarks.figures import figures_of
from webatlas.catalogue.benchmarks.scenarios import HEADLINE
from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import OFFERED
from webatlas.catalogue.install_results import minor
from webatlas.catalogue.models import Entry

SCORE_DIGITS = 4
"""Scores are rounded once, here, so the browser and the tests rank from the very same numbers."""

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class Candidate:
    slug: str
    name: str
    interfaces: tuple[str, ...]
    licence: str
    status: str
    pythons: tuple[str, ...]
    """The Pythons (as 3.12) its latest release installs and imports on; empty when it was not checked."""
    offered: frozenset[str]
    """Features it has built in or through an official extension: what a hard requirement asks for."""
    built_in: frozenset[str]
    """Features it has built in, which the batteries criterion counts."""
    scores: dict[str, float | None]
    """Score from 0 to 1 on each criterion that is the same for every reader; None where nothing was measured, and
    the candidate is then ranked on the other criteria."""
    measures: dict[str, str]
    """What each score was computed from, in words."""


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, min(day.day, 28))


def maturity(catalogue: Catalogue, entry: Entry) -> tuple[float, str]:
    """Half the score grows with the years since the first release, half with the releases of the last 12 months; each
    half stops growing at full marks."""
    rule = catalogue.criteria.criteria.maturity
    releases = catalogue.releases_of(entry)
    age = (releases.as_of - releases.first_release.date).days / DAYS_PER_YEAR
    year_ago = releases.as_of - dt.timedelta(days=365)
    # An entry not on PyPI states only its first and latest releases, so at most those two count.
    known = catalogue.pypi_releases(entry) or [releases.first_release, releases.latest_release][: min(2, releases.release_count)]
    recent = sum(1 for release in known if release.date > year_ago)
    score = 0.5 * min(1.0, age / rule.full_marks_age_years) + 0.5 * min(1.0, recent / rule.full_marks_releases_per_year)
    releases_words = f"{recent} release{'s' * (recent != 1)} in the 12 months to {releases.as_of.isoformat()}"
    words = f"{age:.0f} years since the first release; {releases_words}"
    return score, words


def momentum(catalogue: Catalogue, entry: Entry) -> tuple[float, str]:
    """GitHub stars gained a year, on a logarithmic scale, so that 100 a year scores half of what 10,000 a year do; a
    project losing stars scores 0.

    Star series have gaps, so the count nearest before the window's start opens the span, and the gain is scaled to a
    year over the span it really covers."""
    rule = catalogue.criteria.criteria.momentum
    series = catalogue.stars_of(entry)
    if not series:
        return 0.0, "no star history on record (not on GitHub), so 0"
    last = series[-1]
    start = _months_before(last.date, rule.window_months)
    earlier = [count for count in series if count.date <= start]
    if not earlier:
        return 0.0, f"star history starts after {start.isoformat()}, too late to measure {rule.window_months} months, so 0"
    first = earlier[-1]
    per_year = (last.stars - first.stars) * DAYS_PER_YEAR / (last.date - first.date).days
    score = min(1.0, math.log10(1 + max(per_year, 0)) / math.log10(1 + rule.full_marks_stars_a_year))
    words = f"{per_year:+,.0f} stars a year, from {first.stars:,} on {first.date.isoformat()} to {last.stars:,} on {last.date.isoformat()}"
    return score, words


def cheapest_cpu_us(catalogue: Catalogue, slug: str) -> tuple[float, str] | None:
    """The least server CPU time per request of the entry's setups on the benchmark's headline, and that setup."""
    result = catalogue.benchmarks
    if result is None:
        return None
    timed = [(figures_of(item).cpu_us.median, item.server) for item in result.headline_of(slug, HEADLINE.task)]
    return min(timed) if timed else None


def performance(catalogue: Catalogue, entry: Entry, cheapest: float | None) -> tuple[float | None, str]:
    """The least CPU per request among all candidates over this candidate's own, so the cheapest scores 1 and one that
    costs twice as much scores 0.5; a candidate the benchmark did not time is ranked on the other criteria."""
    result = catalogue.benchmarks
    if result is None or cheapest is None:
        return None, "not measured yet"
    own = cheapest_cpu_us(catalogue, entry.slug)
    if own is None:
        return None, f"not timed in the benchmark of {result.date.isoformat()}, so ranked on the other criteria"
    cost, server = own
    where = "its own server" if server == "own" else server
    words = f"{cost:,.0f} µs of server CPU per request ({HEADLINE.task}, {where}); the least of any candidate is {cheapest:,.0f} µs"
    return cheapest / cost, words


def candidate(catalogue: Catalogue, entry: Entry, cheapest: float | None) -> Candidate:
    result = catalogue.install_check.results.get(entry.slug)
    cells = catalogue.cells[entry.slug]
    maturity_score, maturity_words = maturity(catalogue, entry)
    momentum_score, momentum_words = momentum(catalogue, entry)
    performance_score, performance_words = performance(catalogue, entry, cheapest)
    return Candidate(
        slug=entry.slug,
        name=entry.name,
        interfaces=tuple(entry.facts.interfaces.value),
        licence=entry.facts.licence.value,
        status=catalogue.status_of(entry).status,
        pythons=tuple(minor(python) for python in result.latest_works_on) if result else (),
        offered=frozenset(slug for slug, cell in cells.items() if cell.support in OFFERED),
        built_in=frozenset(slug for slug, cell in cells.items() if cell.support == "built-in"),
        scores={
            "maturity": round(maturity_score, SCORE_DIGITS),
            "momentum": round(momentum_score, SCORE_DIGITS),
            "performance": None if performance_score is None else round(performance_score, SCORE_DIGITS),
        },
        measures={"maturity": maturity_words, "momentum": momentum_words, "performance": performance_words},
    )


def candidates(catalogue: Catalogue) -> list[Candidate]:
    """Every entry of the candidate layers, by name."""
    layers = catalogue.criteria.candidate_layers
    chosen = sorted((entry for entry in catalogue.entries.values() if entry.layer in layers), key=lambda entry: entry.name.lower())
    costs = [cost for entry in chosen if (cost := cheapest_cpu_us(catalogue, entry.slug)) is not None]
    cheapest = min(cost for cost, _ in costs) if costs else None
    return [candidate(catalogue, entry, cheapest) for entry in chosen]
