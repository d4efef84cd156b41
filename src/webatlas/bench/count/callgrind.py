"""Run a server under callgrind, zero its counters and dump them around a window of requests, and read the dumps.

Every process of the server's tree runs under callgrind (`--trace-children=yes`) and writes its own files:
`callgrind.out.<pid>.<n>` for its n-th dump, which holds only what it executed since it was last zeroed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from webatlas.bench.errors import BenchError

HASH_SEED = "0"
"""PYTHONHASHSEED for every counted server: with random hashing, two runs of the same code differ by more."""
CONTROL_TIMEOUT_S = 60
"""How long `callgrind_control` may take to reach a process, which a busy valgrind answers slowly."""
DUMP_WAIT_S = 60
POLL_S = 0.05
_SUMMARY = re.compile(r"^summary:\s+(\d+)", re.MULTILINE)


def wrap(argv: Sequence[str], out_dir: Path) -> list[str]:
    """`argv` run under callgrind with the whole process tree counted, each process writing to `out_dir`."""
    return [
        "valgrind",
        "--tool=callgrind",
        "--trace-children=yes",
        f"--callgrind-out-file={out_dir}/callgrind.out.%p",
        *argv,
    ]


def instructions(dump_text: str) -> int:
    """The instructions a callgrind dump counted: its `summary:` line, which callgrind_annotate reports as the program
    totals. Its `totals:` line, a sum over the cost lines, can be larger in a dump taken after zeroing."""
    found = _SUMMARY.search(dump_text)
    if found is None:
        raise ValueError("no summary: line, so this is no complete callgrind dump")
    return int(found.group(1))


def _control(action: str, pids: Iterable[int]) -> None:
    for pid in pids:
        try:
            done = subprocess.run(["callgrind_control", action, str(pid)], capture_output=True, text=True, timeout=CONTROL_TIMEOUT_S)
        except FileNotFoundError as error:
            raise BenchError("callgrind_control is missing: install valgrind") from error
        except subprocess.TimeoutExpired as error:
            raise BenchError(f"callgrind_control {action} {pid} did not return within {CONTROL_TIMEOUT_S} s") from error
        if done.returncode != 0:
            raise BenchError(f"callgrind_control {action} {pid} failed: {(done.stdout + done.stderr).strip()}")


def zero(pids: Iterable[int]) -> None:
    """Set every process's counters to zero, so that the next dump counts from now."""
    _control("--zero", pids)


def dump(pids: Sequence[int], out_dir: Path, number: int) -> int:
    """Have every process write its `number`-th dump, wait until all are whole, and return their instructions summed."""
    _control("--dump", pids)
    total = 0
    for pid in pids:
        path = out_dir / f"callgrind.out.{pid}.{number}"
        deadline = time.monotonic() + DUMP_WAIT_S
        # Callgrind writes `totals:` last, so a file that has it is complete.
        while not (path.is_file() and "\ntotals:" in path.read_text(encoding="utf-8", errors="replace")):
            if time.monotonic() >= deadline:
                raise BenchError(f"process {pid} wrote no whole dump {path.name} within {DUMP_WAIT_S} s")
            time.sleep(POLL_S)
        total += instructions(path.read_text(encoding="utf-8", errors="replace"))
    return total


def version() -> str:
    done = subprocess.run(["valgrind", "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "unknown"


def check_installed() -> None:
    """BenchError unless valgrind and its callgrind_control are on PATH."""
    for tool in ("valgrind", "callgrind_control"):
        if shutil.which(tool) is None:
            raise BenchError(f"{tool} is missing: install valgrind")
