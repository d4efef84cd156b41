"""The real harness end to end: servers started in their environments, verified, timed by wrk in 1-second rounds.

It proves that the pipeline produces figures; it never asserts what they are, since the machine is shared and noisy.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from tests.helpers import ROOT
from webatlas.bench.load import run as load_run
from webatlas.bench.load.run import HEADLINE_CONCURRENCY, LoadOptions, Planned
from webatlas.catalogue.benchmarks.figures import figures_of, ratios
from webatlas.catalogue.benchmarks.scenarios import Scenario

CONFIGURATIONS = ("raw-asgi/hello_text@uvicorn", "fastapi/hello_text@uvicorn")


def test_two_configurations_are_verified_timed_and_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = load_run.plan(ROOT, LoadOptions(only=CONFIGURATIONS))
    headline = [item for item in chosen if item.concurrency == HEADLINE_CONCURRENCY]
    fastapi = next(item.configuration for item in headline if item.configuration.subject == "fastapi")
    # A third configuration asks for a path the app does not serve: it must be reported and left untimed.
    wrong = Planned(replace(fastapi, scenario=Scenario("hello_text", "/nowhere")), HEADLINE_CONCURRENCY)
    monkeypatch.setattr(load_run, "plan", lambda root, options: [*headline, wrong])
    messages: list[str] = []
    result = load_run.run(ROOT, LoadOptions(rounds=2, seconds=1, warmup_seconds=0), messages.append)
    timed = [item for item in result.measurements if item.rounds]
    assert [item.name for item in timed] == list(CONFIGURATIONS)
    for item in timed:
        assert len(item.rounds) == 2
        figures = figures_of(item)
        assert figures.throughput.median > 0 and figures.cpu_us.median > 0 and figures.p99_ms > 0
        assert item.peak_rss_bytes is not None and item.peak_rss_bytes > 0
    ratio = ratios(result, timed[1])
    assert ratio is not None and ratio.cpu > 0
    untimed = result.measurements[-1]
    assert untimed.rounds == [] and any("status 404" in problem for problem in untimed.problems)
    assert any("fails verification" in message for message in messages)
    assert set(result.environments) == {"bench-servers", "fastapi"}
    assert result.environments["fastapi"].packages["uvicorn"] == result.environments["bench-servers"].packages["uvicorn"]


def test_the_command_lists_its_options() -> None:
    done = subprocess.run([sys.executable, "-m", "webatlas", "bench", "--help"], capture_output=True, text=True, check=True)
    for option in ("--rounds", "--seconds", "--warmup", "--only", "--count", "--requests", "--windows", "--at-once"):
        assert option in done.stdout
