"""The instruction-count set: each configuration's figure with the idle share taken out, the 1% rule on its windows,
and the newest set read back the way the site will read it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.factories import write_project
from webatlas.bench.count import saving
from webatlas.bench.errors import BenchError
from webatlas.catalogue.benchmarks.instructions import INSTRUCTIONS_DIR, Count, InstructionSet, newest_instructions, refusals
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.reading import CatalogueError


def count(**changes: Any) -> Count:
    fields: dict[str, Any] = {
        "name": "demo/hello_text@uvicorn",
        "subject": "demo",
        "task": "hello_text",
        "server": "uvicorn",
        "environment": "demo",
        "command": "uvicorn app:app --port {port}",
        "problems": [],
        "windows": [10_300, 10_500],
        "window_seconds": [1.5, 2.5],
        "idle": 400,
        "idle_seconds": 2.0,
        "baseline": None,
    }
    return Count.model_validate({**fields, **changes})


def test_a_figure_is_each_windows_count_less_the_idle_rate_for_as_long() -> None:
    # By hand: idle 400 in 2 s is 200 a second; 10,300 - 200 * 1.5 = 10,000 and 10,500 - 200 * 2.5 = 10,000.
    found = count()
    assert found.requests_share == [10_000, 10_000]
    assert found.per_request(100) == 100
    assert found.spread == 0


def test_windows_more_than_one_percent_apart_may_not_be_published() -> None:
    # By hand: shares 10,000 and 10,150 are 150 apart, 1.49% of their mean 10,075.
    result = instruction_set([count(), count(name="wide", windows=[10_300, 10_650])])
    assert refusals(result) == ["wide: its windows are 1.5% apart, more than 1%"]


def test_a_count_needs_a_time_for_each_window() -> None:
    with pytest.raises(ValueError, match="2 windows but 1 window_seconds"):
        count(window_seconds=[1.0])


def instruction_set(counts: list[Count], started: str = "2026-12-08T03:00:00Z") -> InstructionSet:
    return InstructionSet.model_validate(
        {
            "started": started,
            "finished": started,
            "machine": {"cpu_model": "Demo CPU 9", "cores": 2, "kernel": "6.1", "load_before": [0, 0, 0], "load_after": [0, 0, 0]},
            "method": {
                "requests": 100,
                "windows": 2,
                "warmup_requests": 10,
                "connections": 4,
                "at_once": 2,
                "hash_seed": "0",
                "valgrind": "valgrind-3.19.0",
                "valgrind_command": "valgrind --tool=callgrind",
                "client": "http.client",
            },
            "harness_python": "3.11.7",
            "environments": {"demo": {"python": "3.13.0", "packages": {"demo": "1.0"}}},
            "counts": [item.model_dump() for item in counts],
        }
    )


def test_a_set_is_written_and_the_newest_is_read_back(tmp_path: Path) -> None:
    assert newest_instructions(tmp_path) is None
    older = saving.write(instruction_set([count()], "2026-12-01T03:00:00Z"), tmp_path)
    newer = saving.write(instruction_set([count(windows=[10_301, 10_499])]), tmp_path)
    assert (older.name, newer.name) == ("2026-12-01-2core-demo-cpu-9.json", "2026-12-08-2core-demo-cpu-9.json")
    found = newest_instructions(tmp_path)
    assert found is not None and found.date == dt.date(2026, 12, 8) and found.counts[0].windows == [10_301, 10_499]


def test_a_set_that_may_not_be_published_is_not_written(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match=re.escape("no instruction counts written: wide: its windows are 1.5% apart")):
        saving.write(instruction_set([count(name="wide", windows=[10_300, 10_650])]), tmp_path)
    assert not (tmp_path / INSTRUCTIONS_DIR).exists()


def test_a_committed_set_with_bad_data_fails_the_build_with_one_line(tmp_path: Path) -> None:
    root = write_project(tmp_path)
    saving.write(instruction_set([count()]), root)
    assert load_catalogue(root).instruction_counts == newest_instructions(root) is not None
    [path] = (root / INSTRUCTIONS_DIR).glob("*.json")
    data = json.loads(path.read_text())
    data["counts"][0]["windows"] = [10_300, -1]
    path.write_text(json.dumps(data))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert (raised.value.entry, raised.value.field) == ("2026-12-08-2core-demo-cpu-9", "counts.0.windows.1")
    assert "\n" not in str(raised.value)
