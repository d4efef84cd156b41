"""The real harness end to end: servers started under callgrind in their environments, verified, warmed up and counted.

It proves that the pipeline counts what it should; it never asserts what the counts are.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import ROOT
from webatlas.bench.count import run as count_run
from webatlas.bench.count.run import CountOptions
from webatlas.catalogue.benchmarks.scenarios import Scenario

RAW = "raw-asgi/hello_text@uvicorn"
STARLETTE = "starlette/hello_text@uvicorn"


def test_a_window_counts_only_the_requests_sent_in_it(tmp_path: Path) -> None:
    [raw] = count_run.configurations(ROOT, CountOptions(only=(RAW,)))
    shares = []
    for requests in (50, 150):
        found = count_run.count(raw, ROOT, CountOptions(requests=requests, windows=1, warmup_requests=20), tmp_path)
        assert found.problems == [] and found.idle is not None
        shares.append(found.requests_share[0])
    # Three times the requests, three times the count: start-up and warm-up, counted before zeroing, would swamp both.
    assert 2.7 < shares[1] / shares[0] < 3.3, shares


def test_two_configurations_are_verified_counted_and_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = count_run.configurations(ROOT, CountOptions(only=(RAW, STARLETTE)))
    # A third configuration asks for a path the app does not serve: it must be reported and left uncounted.
    wrong = replace(chosen[-1], scenario=Scenario("hello_text", "/nowhere"))
    monkeypatch.setattr(count_run, "configurations", lambda root, options: [*chosen, wrong])
    messages: list[str] = []
    result = count_run.run(ROOT, CountOptions(requests=50, windows=2, warmup_requests=20), messages.append)
    counted = {item.name: item for item in result.counts if item.windows}
    assert set(counted) == {RAW, STARLETTE}
    for item in counted.values():
        assert len(item.windows) == len(item.window_seconds) == 2
        assert item.idle is not None and (item.per_request(result.method.requests) or 0) > 0
    assert (counted[RAW].baseline, counted[STARLETTE].baseline) == (None, RAW)
    [uncounted] = [item for item in result.counts if not item.windows]
    assert any("status 404" in problem for problem in uncounted.problems)
    assert any("min left" in message for message in messages)
    assert set(result.environments) == {"bench-servers", "starlette"}
