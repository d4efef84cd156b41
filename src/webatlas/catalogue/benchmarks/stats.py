"""How a configuration's figures spread over the rounds it was run in."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

UNSTABLE_CV = 0.10
"""A configuration whose coefficient of variation over its rounds exceeds this is reported as unstable."""


@dataclass(frozen=True)
class Spread:
    n: int
    median: float
    q1: float
    q3: float
    mean: float
    cv: float
    """Sample standard deviation over the mean: 0 for a single value (no spread can be seen) or a zero mean (undefined)."""

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1

    @property
    def unstable(self) -> bool:
        return self.cv > UNSTABLE_CV


def spread(values: Sequence[float]) -> Spread:
    """Median, quartiles, mean and coefficient of variation of `values`; raises ValueError when there are none."""
    if not values:
        raise ValueError("the spread of no values is undefined")
    n = len(values)
    median = statistics.median(values)
    mean = statistics.fmean(values)
    if n == 1:
        # statistics.quantiles needs two points before Python 3.13; one value is all of its quartiles.
        return Spread(n=1, median=median, q1=median, q3=median, mean=mean, cv=0.0)
    # "inclusive" treats the rounds as the whole population, so the quartiles stay within the values
    # measured: "exclusive" would extrapolate beyond the extremes of the few rounds a benchmark has.
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    # abs(): the figures here are rates and times, never negative, but a CV must not be.
    cv = statistics.stdev(values) / abs(mean) if mean else 0.0
    return Spread(n=n, median=median, q1=q1, q3=q3, mean=mean, cv=cv)
