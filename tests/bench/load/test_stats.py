"""Spreads worked out by hand."""

from __future__ import annotations

import math

import pytest

from webatlas.catalogue.benchmarks.stats import UNSTABLE_CV, Spread, spread


def test_five_values() -> None:
    result = spread([3.0, 1.0, 5.0, 2.0, 4.0])
    assert result.n == 5
    assert result.median == 3.0
    # Inclusive quartiles of 1..5 fall on the values themselves: positions 1 and 3 of 0..4.
    assert (result.q1, result.q3, result.iqr) == (2.0, 4.0, 2.0)
    assert result.mean == 3.0
    # Sample variance: (4 + 1 + 0 + 1 + 4) / 4 = 2.5.
    assert result.cv == pytest.approx(math.sqrt(2.5) / 3)
    assert result.unstable


def test_four_values_interpolate_between_neighbours() -> None:
    result = spread((10.0, 20.0, 30.0, 40.0))
    assert result.median == 25.0
    # Positions 0.75 and 2.25 of 0..3.
    assert result.q1 == pytest.approx(17.5)
    assert result.q3 == pytest.approx(32.5)
    assert result.iqr == pytest.approx(15.0)


def test_a_small_spread_is_stable_and_a_large_one_is_not() -> None:
    # Two values 10 apart around 100: sample standard deviation 10 / sqrt(2), about 7.07.
    steady = spread([95.0, 105.0])
    assert steady.cv == pytest.approx(10 / math.sqrt(2) / 100)
    assert not steady.unstable
    shaky = spread([90.0, 110.0])
    assert shaky.cv == pytest.approx(20 / math.sqrt(2) / 100)
    assert shaky.unstable


def test_unstable_means_strictly_above_the_threshold() -> None:
    at = Spread(n=2, median=1.0, q1=1.0, q3=1.0, mean=1.0, cv=UNSTABLE_CV)
    assert not at.unstable
    above = Spread(n=2, median=1.0, q1=1.0, q3=1.0, mean=1.0, cv=UNSTABLE_CV + 1e-9)
    assert above.unstable


def test_identical_values_have_no_spread() -> None:
    result = spread([1200.0, 1200.0, 1200.0])
    assert (result.median, result.q1, result.q3, result.iqr, result.cv) == (1200.0, 1200.0, 1200.0, 0.0, 0.0)


def test_one_value_is_its_own_quartiles_with_no_variation() -> None:
    result = spread([7.5])
    assert (result.n, result.median, result.q1, result.q3, result.mean, result.cv) == (1, 7.5, 7.5, 7.5, 7.5, 0.0)
    assert not result.unstable


def test_a_zero_mean_gives_a_zero_cv() -> None:
    assert spread([-1.0, 1.0]).cv == 0.0
    assert spread([0.0, 0.0, 0.0]).cv == 0.0


def test_no_values_is_an_error() -> None:
    with pytest.raises(ValueError):
        spread([])
