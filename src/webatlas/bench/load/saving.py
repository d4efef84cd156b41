"""Write a load benchmark set to `data/benchmarks/`, only when it may be published."""

from __future__ import annotations

from pathlib import Path

from webatlas.bench.sets import set_path, write_set
from webatlas.catalogue.benchmarks.results import BENCHMARKS_DIR, BenchmarkSet, refusals


def write(result: BenchmarkSet, root: Path) -> Path:
    """Write atomically; a set that may not be published raises BenchError saying why, and nothing is written."""
    path = set_path(root / BENCHMARKS_DIR, result.date, result.machine.cores, result.machine.cpu_model)
    return write_set(result, refusals(result), path, "result set")
