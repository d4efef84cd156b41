"""Writing a benchmark's set to `data/`: one file per run, named by its day and machine, only when it may be published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from webatlas.bench.errors import BenchError
from webatlas.catalogue.reading import M
from webatlas.writing import write_atomically


def set_path(directory: Path, day: dt.date, cores: int, cpu_model: str) -> Path:
    """`<day>-<cores>core-<cpu model>.json` in `directory`, the model in lower case with a dash for each run of others."""
    machine = "".join(char if char.isalnum() else "-" for char in cpu_model.lower()).strip("-")
    while "--" in machine:
        machine = machine.replace("--", "-")
    return directory / f"{day.isoformat()}-{cores}core-{machine}.json"


def write_set(result: M, problems: list[str], path: Path, what: str) -> Path:
    """Write `result` to `path` atomically, validated again; when `problems` says it may not be published, raise
    BenchError saying why, and write nothing."""
    if problems:
        raise BenchError(f"no {what} written: " + "; ".join(problems))
    checked = type(result).model_validate(result.model_dump())
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, checked.model_dump_json(indent=1) + "\n")
    return path
