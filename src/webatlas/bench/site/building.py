"""Run `mkdocs build --strict` on a project and time it: wall-clock seconds and the CPU seconds the build used."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from webatlas.bench.errors import BenchError

BUILD_TIMEOUT_S = 1800
"""A 500-entry build takes about a minute on two cores; this only stops a build that hangs."""


@dataclass(frozen=True)
class BuildTime:
    """One build: wall-clock seconds, and user plus system CPU seconds of the build process."""

    wall_s: float
    cpu_s: float


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], project: Path) -> BuildTime:
    """Run a build `command` from `project`, failing with the build's own output when it does not pass."""
    # Material prints a notice about its successor on every build; it is not about the site.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cpu_before, started = _children_cpu_s(), time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    wall_s, cpu_s = time.perf_counter() - started, _children_cpu_s() - cpu_before
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()[-3000:]
        raise BenchError(f"the build of {project} failed:\n{output}")
    return BuildTime(wall_s, cpu_s)


def build(project: Path, site_dir: Path) -> BuildTime:
    """Build `project` strictly into `site_dir` with `mkdocs build --strict`."""
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)], project)
