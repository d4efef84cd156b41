"""Write an instruction-count set to `data/benchmarks/instructions/`, only when it may be published."""

from __future__ import annotations

from pathlib import Path

from webatlas.bench.sets import set_path, write_set
from webatlas.catalogue.benchmarks.instructions import INSTRUCTIONS_DIR, InstructionSet, refusals


def write(result: InstructionSet, root: Path) -> Path:
    """Write atomically; a set whose windows disagree raises BenchError saying why, and nothing is written."""
    path = set_path(root / INSTRUCTIONS_DIR, result.date, result.machine.cores, result.machine.cpu_model)
    return write_set(result, refusals(result), path, "instruction counts")
