"""`data/benchmarks/<date>-<machine>.json`: a load benchmark's figures with everything needed to reproduce them.

The same checks run before a set is written and when the build reads it, so a set whose baseline was unstable can
neither be written nor shown.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from pydantic import Field, model_validator

from webatlas.catalogue.benchmarks.sets import newest_set
from webatlas.catalogue.benchmarks.stats import UNSTABLE_CV
from webatlas.catalogue.models import Strict

BENCHMARKS_DIR = "data/benchmarks"
FORMAT = 1
MIN_ROUNDS = 5
"""A set with fewer timed rounds per configuration is a trial, not a result."""

Positive = Annotated[float, Field(ge=0)]


class Round(Strict):
    """One timed round of one configuration."""

    requests: Annotated[int, Field(ge=0)]
    requests_per_s: Positive
    cpu_s: Positive
    """Server CPU time, user and system, of the server process and every process under it."""
    p50_ms: Positive
    p90_ms: Positive
    p99_ms: Positive
    socket_errors: Annotated[int, Field(ge=0)]
    non_2xx: Annotated[int, Field(ge=0)]
    instructions: Annotated[int, Field(ge=0)] | None


class Measurement(Strict):
    """One server running one app, at one concurrency: verified first, then timed in rounds."""

    name: str
    subject: str
    task: str
    server: str
    concurrency: Annotated[int, Field(ge=1)]
    environment: str
    """The pinned environment it ran in, a key of `environments`."""
    command: str
    """The server's full command line, with the port as `{port}`: every flag it ran with."""
    problems: list[str]
    """Why verification failed; empty when the app answered correctly and was timed."""
    rounds: list[Round]
    peak_rss_bytes: Annotated[int, Field(ge=0)] | None
    baseline: str | None
    """The raw app measured on the same server and concurrency, which the ratios compare with."""

    @model_validator(mode="after")
    def _timed_only_when_verified(self) -> Measurement:
        if self.problems and self.rounds:
            raise ValueError("a configuration that failed verification is not timed")
        return self


class Environment(Strict):
    python: str
    packages: dict[str, str]


class Machine(Strict):
    cpu_model: str
    cores: Annotated[int, Field(ge=1)]
    kernel: str
    load_before: list[float]
    """The 1, 5 and 15 minute load averages when the run started."""
    load_after: list[float]
    steal_percent: Positive
    """CPU time the hypervisor gave to other guests during the run, as a share of all CPU time."""
    waited_for_quiet_s: Annotated[float, Field(ge=0)] = 0.0
    """How long the run paused for busy spells, by the quiet gate."""
    instructions_counted: bool
    """Whether `perf stat -e instructions` worked here; without it, no instruction counts."""
    shared: bool = True
    """Whether other work ran on the machine; on a shared one, rank by CPU time per request."""


class Method(Strict):
    """The constants the harness ran with, which the page prints as the method."""

    rounds: Annotated[int, Field(ge=1)]
    seconds: Annotated[int, Field(ge=1)]
    warmup_seconds: Annotated[int, Field(ge=0)]
    headline_concurrency: int
    curve: list[int]
    client_core: int
    server_core: int
    wrk: str
    wrk_command: str
    quiet_probe: str = ""
    """The rule that paused the run during busy spells, in words; empty for a run without one."""
    unstable_cv: float = UNSTABLE_CV


class BenchmarkSet(Strict):
    format: int = FORMAT
    started: dt.datetime
    finished: dt.datetime
    machine: Machine
    method: Method
    harness_python: str
    environments: dict[str, Environment]
    measurements: list[Measurement]

    @property
    def date(self) -> dt.date:
        return self.started.date()

    def headline_of(self, subject: str, task: str) -> list[Measurement]:
        """The subject's timed measurements of `task` at the headline concurrency, one per server setup."""
        return [
            item
            for item in self.measurements
            if item.subject == subject and item.task == task and item.concurrency == self.method.headline_concurrency and item.rounds
        ]

    def by_name(self) -> dict[tuple[str, int], Measurement]:
        return {(item.name, item.concurrency): item for item in self.measurements}


def refusals(result: BenchmarkSet) -> list[str]:
    """Why a set may not be published: too few rounds, a baseline missing or unstable. Empty when it may."""
    from webatlas.catalogue.benchmarks.figures import figures_of  # figures derive from this module's models

    found = []
    if result.method.rounds < MIN_ROUNDS:
        found.append(f"{result.method.rounds} rounds per configuration, fewer than {MIN_ROUNDS}: a trial, not a result")
    measured = result.by_name()
    for name, concurrency in sorted({(item.baseline, item.concurrency) for item in result.measurements if item.baseline}):
        baseline = measured.get((name, concurrency))
        if baseline is None or not baseline.rounds:
            found.append(f"the baseline {name} at concurrency {concurrency} was not timed")
            continue
        figures = figures_of(baseline)
        if figures.unstable:
            found.append(
                f"the baseline {name} at concurrency {concurrency} is unstable (coefficient of variation {figures.worst_cv:.0%}, "
                f"above {UNSTABLE_CV:.0%}): rerun on a quieter machine"
            )
    return found


def newest(root: Path) -> BenchmarkSet | None:
    """The newest set in data/benchmarks/, validated; None when none is committed."""
    return newest_set(root / BENCHMARKS_DIR, BenchmarkSet, refusals, "measurements")
