"""What a measurement's rounds add up to: the spread of throughput and of CPU time per request, latency, errors, and the
ratios to the raw app on the same server. Derived whenever needed, never stored beside the rounds they come from."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from webatlas.catalogue.benchmarks import stats
from webatlas.catalogue.benchmarks.results import BenchmarkSet, Measurement

MICROSECONDS = 1_000_000


@dataclass(frozen=True)
class Figures:
    throughput: stats.Spread
    """Requests per second over the rounds."""
    cpu_us: stats.Spread
    """Server CPU microseconds per request over the rounds: the figure to rank by on a shared machine."""
    p50_ms: float
    p90_ms: float
    p99_ms: float
    """Each the median over the rounds of wrk's percentile."""
    errors: int
    non_2xx: int
    instructions_per_request: float | None

    @property
    def worst_cv(self) -> float:
        return max(self.throughput.cv, self.cpu_us.cv)

    @property
    def unstable(self) -> bool:
        """Either figure varied by more than the threshold over the rounds."""
        return self.throughput.unstable or self.cpu_us.unstable


def figures_of(measurement: Measurement) -> Figures:
    """The figures of a timed measurement; raises ValueError for one that was not timed."""
    rounds = measurement.rounds
    if not rounds:
        raise ValueError(f"{measurement.name} was not timed: {'; '.join(measurement.problems)}")
    counted = [item.instructions / item.requests for item in rounds if item.instructions is not None and item.requests]
    return Figures(
        throughput=stats.spread([item.requests_per_s for item in rounds]),
        cpu_us=stats.spread([item.cpu_s / item.requests * MICROSECONDS if item.requests else 0.0 for item in rounds]),
        p50_ms=statistics.median(item.p50_ms for item in rounds),
        p90_ms=statistics.median(item.p90_ms for item in rounds),
        p99_ms=statistics.median(item.p99_ms for item in rounds),
        errors=sum(item.socket_errors for item in rounds),
        non_2xx=sum(item.non_2xx for item in rounds),
        instructions_per_request=statistics.median(counted) if counted else None,
    )


@dataclass(frozen=True)
class Ratios:
    cpu: float
    """CPU time per request over the raw app's: 1.0 costs what the server alone costs."""
    throughput: float
    """Requests per second as a share of the raw app's."""


def ratios(result: BenchmarkSet, measurement: Measurement) -> Ratios | None:
    """Against the raw app on the same server, measured in the same run; None without a timed baseline."""
    if measurement.baseline is None or not measurement.rounds:
        return None
    baseline = result.by_name().get((measurement.baseline, measurement.concurrency))
    if baseline is None or not baseline.rounds:
        return None
    own, base = figures_of(measurement), figures_of(baseline)
    return Ratios(cpu=own.cpu_us.median / base.cpu_us.median, throughput=own.throughput.median / base.throughput.median)
