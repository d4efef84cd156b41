"""Result sets: figures derived from rounds, ratios to the baseline, and the refusal to publish an unstable or short set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bench.load.factories import JUMPY, benchmark_set, measurement, rounds
from webatlas.bench.errors import BenchError
from webatlas.bench.load import saving
from webatlas.catalogue.benchmarks import results
from webatlas.catalogue.benchmarks.figures import figures_of, ratios
from webatlas.catalogue.reading import CatalogueError


def test_figures_come_from_the_rounds_and_ratios_from_the_baseline_in_the_same_set() -> None:
    result = benchmark_set()
    fastapi = result.measurements[1]
    figures = figures_of(fastapi)
    assert figures.cpu_us.median == pytest.approx(100.0)
    assert figures.throughput.median == 1000.0
    assert figures.p99_ms == 4.0 and figures.errors == 0
    assert not figures.unstable
    ratio = ratios(result, fastapi)
    assert ratio is not None
    assert ratio.cpu == pytest.approx(4.0)
    assert ratio.throughput == pytest.approx(1.0)
    assert ratios(result, result.measurements[0]) is None


def test_a_stable_set_is_written_atomically_and_read_back_as_the_newest(tmp_path: Path) -> None:
    result = benchmark_set()
    path = saving.write(result, tmp_path)
    assert path == tmp_path / "data" / "benchmarks" / "2026-12-02-2core-amd-epyc-7b13.json"
    assert results.newest(tmp_path) == result
    assert [item.name for item in (tmp_path / "data" / "benchmarks").iterdir()] == [path.name]


def test_an_unstable_baseline_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    result = benchmark_set(baseline_rates=JUMPY)
    assert figures_of(result.measurements[0]).unstable
    with pytest.raises(BenchError, match=r"raw-asgi/hello_text@uvicorn at concurrency 64 is unstable .*rerun on a quieter machine"):
        saving.write(result, tmp_path)
    assert not (tmp_path / "data" / "benchmarks").exists() or not any((tmp_path / "data" / "benchmarks").iterdir())


def test_fewer_than_five_rounds_is_a_trial_and_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match="3 rounds per configuration, fewer than 5"):
        saving.write(benchmark_set(rounds_count=3), tmp_path)


def test_a_committed_set_with_an_unstable_baseline_fails_the_build_naming_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "benchmarks"
    folder.mkdir(parents=True)
    (folder / "2026-12-02-bad.json").write_text(benchmark_set(baseline_rates=JUMPY).model_dump_json())
    with pytest.raises(CatalogueError) as raised:
        results.newest(tmp_path)
    assert raised.value.file.endswith("2026-12-02-bad.json") and raised.value.field == "measurements"
    assert "unstable" in raised.value.problem


def test_a_configuration_that_failed_verification_carries_no_rounds() -> None:
    with pytest.raises(ValueError, match="not timed"):
        measurement("broken", rounds([1000.0], 10.0), problems=["status 500, expected 200"])
    broken = measurement("broken", [], problems=["status 500, expected 200"])
    with pytest.raises(ValueError, match="was not timed: status 500"):
        figures_of(broken)


def test_the_file_holds_what_reproduces_the_run() -> None:
    data = json.loads(benchmark_set().model_dump_json())
    assert set(data) >= {"machine", "method", "environments", "harness_python", "started", "finished", "measurements"}
    assert data["method"]["wrk_command"].startswith("taskset -c 0 wrk")
    assert data["measurements"][0]["command"] == "uvicorn app:app --port {port}"
