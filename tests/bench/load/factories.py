"""Benchmark sets made up for tests: figures chosen so that their medians, spreads and ratios are easy to work out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.building import Build, copy_project, mkdocs_build
from webatlas.bench.load import saving
from webatlas.catalogue.benchmarks.results import BENCHMARKS_DIR, BenchmarkSet, Environment, Machine, Measurement, Method, Round

STEADY = [1000.0, 1010.0, 990.0, 1000.0, 1005.0]
JUMPY = [1000.0, 1400.0, 800.0, 1300.0, 700.0]


def rounds(rates: list[float], cpu_us: float) -> list[Round]:
    """One-second rounds at `rates`, each costing `cpu_us` of server CPU per request."""
    return [
        Round(
            requests=int(rate),
            requests_per_s=rate,
            cpu_s=int(rate) * cpu_us / 1e6,
            p50_ms=1.0,
            p90_ms=2.0,
            p99_ms=4.0,
            socket_errors=0,
            non_2xx=0,
            instructions=None,
        )
        for rate in rates
    ]


def measurement(subject: str, timed: list[Round], baseline: str | None = None, problems: list[str] | None = None) -> Measurement:
    return Measurement(
        name=f"{subject}/hello_text@uvicorn",
        subject=subject,
        task="hello_text",
        server="uvicorn",
        concurrency=64,
        environment="bench-servers",
        command="uvicorn app:app --port {port}",
        problems=problems or [],
        rounds=timed,
        peak_rss_bytes=1000,
        baseline=baseline,
    )


def benchmark_set(baseline_rates: list[float] = STEADY, rounds_count: int = 5) -> BenchmarkSet:
    """A raw baseline at 25 µs a request and FastAPI at 100 µs, so FastAPI costs 4.0x its server's CPU."""
    return BenchmarkSet(
        started=dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC),
        finished=dt.datetime(2026, 12, 2, 12, 30, tzinfo=dt.UTC),
        machine=Machine(
            cpu_model="AMD EPYC 7B13",
            cores=2,
            kernel="6.1.0",
            load_before=[1.0, 1.0, 1.0],
            load_after=[1.1, 1.0, 1.0],
            steal_percent=0.5,
            instructions_counted=False,
        ),
        method=Method(
            rounds=rounds_count,
            seconds=1,
            warmup_seconds=0,
            headline_concurrency=64,
            curve=[64],
            client_core=0,
            server_core=1,
            wrk="wrk 4.1.0",
            wrk_command="taskset -c 0 wrk --latency URL",
        ),
        harness_python="3.11.7",
        environments={"bench-servers": Environment(python="3.13.0", packages={"uvicorn": "0.54.0"})},
        measurements=[
            measurement("raw-asgi", rounds(baseline_rates[:rounds_count], 25.0)),
            measurement("fastapi", rounds(STEADY[:rounds_count], 100.0), baseline="raw-asgi/hello_text@uvicorn"),
        ],
    )


def build_with(destination: Path, result: BenchmarkSet | None) -> Build:
    """A copy of the project whose only benchmark set is `result`, or that has none, built strictly with the network refused."""
    project = copy_project(destination / "project")
    for committed in (project / BENCHMARKS_DIR).glob("*.json"):
        committed.unlink()
    if result is not None:
        saving.write(result, project)
    return mkdocs_build(project, destination / "site")
