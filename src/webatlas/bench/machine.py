"""The machine both benchmarks describe beside their figures, since the same code times differently elsewhere."""

from __future__ import annotations

import os
import platform
from pathlib import Path

CPU_INFO = Path("/proc/cpuinfo")


def cpu_model() -> str:
    if CPU_INFO.is_file():
        for line in CPU_INFO.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    return platform.processor() or "unknown"


def cores() -> int:
    """The cores this process may run on, which a container or `taskset` can make fewer than the machine has."""
    return len(os.sched_getaffinity(0))
