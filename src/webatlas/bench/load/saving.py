"""Write a load benchmark set to `data/benchmarks/`, only when it may be published."""

from __future__ import annotations

from pathlib import Path

from webatlas.bench.errors import BenchError
from webatlas.catalogue.benchmarks.results import BENCHMARKS_DIR, BenchmarkSet, refusals
from webatlas.writing import write_atomically


def machine_slug(cpu_model: str) -> str:
    """The CPU model in a file name: lower case, with a dash for every run of other characters."""
    machine = "".join(char if char.isalnum() else "-" for char in cpu_model.lower()).strip("-")
    while "--" in machine:
        machine = machine.replace("--", "-")
    return machine


def file_name(result: BenchmarkSet) -> str:
    return f"{result.date.isoformat()}-{result.machine.cores}core-{machine_slug(result.machine.cpu_model)}.json"


def write(result: BenchmarkSet, root: Path) -> Path:
    """Write atomically; a set that may not be published raises BenchError saying why, and nothing is written."""
    problems = refusals(result)
    if problems:
        raise BenchError("no result set written: " + "; ".join(problems))
    checked = BenchmarkSet.model_validate(result.model_dump())
    directory = root / BENCHMARKS_DIR
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / file_name(checked)
    write_atomically(path, checked.model_dump_json(indent=1) + "\n")
    return path
