"""Instructions a server retires, counted by `perf stat`: steadier than CPU time on a noisy machine, where the counter exists.

Virtual machines often expose no hardware counters; perf then prints `<not supported>` and every
count here is None, so callers must treat instructions as an optional figure.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_STOP_TIMEOUT_S = 10
_ATTACH_TIMEOUT_S = 5
# The event may carry modifiers ("instructions:u" when perf_event_paranoid keeps perf to user space)
# or name a PMU ("cpu_core/instructions/" and "cpu_atom/instructions/", a line each, on hybrid CPUs).
_INSTRUCTIONS = re.compile(r"(?:^|/)instructions(?:[/:]|$)")


def parse_instructions(csv_text: str) -> int | None:
    """The instructions count in `perf stat -x,` output; None when perf could not count it or printed no such line."""
    counts: list[int] = []
    for line in csv_text.splitlines():
        if line.startswith("#"):
            continue
        # value,unit,event,run time,percentage running,metric,metric unit
        fields = line.split(",")
        if len(fields) < 3 or not _INSTRUCTIONS.search(fields[2]):
            continue
        value = fields[0].strip()
        # "<not supported>" and "<not counted>" are the two ways perf says it has no number.
        if value.isdigit():
            counts.append(int(value))
    return sum(counts) if counts else None


def _perf(arguments: list[str], *, output: Path) -> list[str]:
    return ["perf", "stat", "-x", ",", "-e", "instructions", "-o", str(output), *arguments]


def instructions_supported() -> bool:
    """Whether perf is installed and counts instructions here; it runs `perf stat` once, on `true`."""
    with tempfile.TemporaryDirectory(prefix="webatlas-perf-") as directory:
        output = Path(directory) / "stat.csv"
        try:
            done = subprocess.run(_perf(["--", "true"], output=output), capture_output=True, timeout=30, check=False)
        except (FileNotFoundError, subprocess.TimeoutExpired):
            return False
        if done.returncode != 0 or not output.is_file():
            return False
        return parse_instructions(output.read_text(encoding="utf-8", errors="replace")) is not None


@dataclass
class InstructionCount:
    value: int | None = None
    """Set when the counting block ends: the total over the processes, or None when perf could not count."""


@functools.cache
def _supported_once() -> bool:
    return instructions_supported()


def _attached(perf: subprocess.Popen[bytes]) -> bool:
    """Whether perf holds a counter yet: it opens one perf_event file descriptor per counted thread."""
    try:
        fds = [os.readlink(entry) for entry in Path(f"/proc/{perf.pid}/fd").iterdir()]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return any("perf_event" in target for target in fds)


@contextlib.contextmanager
def counting_instructions(pids: list[int]) -> Iterator[InstructionCount]:
    """Counts the instructions `pids` retire while the block runs; `.value` is set when it ends.

    Where the counter is unsupported no perf runs and `.value` stays None. Otherwise the block starts
    once perf has opened its counters (or after a few seconds, or when perf gave up), so perf's own
    start-up does not eat into what is counted. perf attaches to the threads the processes have at
    that moment: start counting after the server's workers are up.
    """
    if not pids:
        raise ValueError("no processes to count instructions of")
    count = InstructionCount()
    if not _supported_once():
        yield count
        return
    with tempfile.TemporaryDirectory(prefix="webatlas-perf-") as directory:
        output = Path(directory) / "stat.csv"
        argv = _perf(["-p", ",".join(str(pid) for pid in pids)], output=output)
        perf = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + _ATTACH_TIMEOUT_S
        while perf.poll() is None and not _attached(perf) and time.monotonic() < deadline:
            time.sleep(0.01)
        try:
            yield count
        finally:
            # SIGINT is how perf stat is told to stop and write its counts; it then exits through that
            # signal (status -2), which is not a failure.
            perf.send_signal(signal.SIGINT)
            try:
                perf.wait(timeout=_STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                perf.kill()
                perf.wait()
            if output.is_file():
                count.value = parse_instructions(output.read_text(encoding="utf-8", errors="replace"))
