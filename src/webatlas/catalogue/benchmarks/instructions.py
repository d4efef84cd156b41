"""`data/benchmarks/instructions/<date>-<machine>.json`: instructions per request, counted under callgrind.

A count does not move with what else the machine runs, so unlike CPU time it needs no quiet gate and no rounds: each
configuration is counted over a few equal windows of requests, which agree when the harness works.
"""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path
from typing import Annotated

from pydantic import Field, model_validator

from webatlas.catalogue.benchmarks.results import Environment
from webatlas.catalogue.benchmarks.sets import newest_set
from webatlas.catalogue.models import Strict

INSTRUCTIONS_DIR = "data/benchmarks/instructions"
FORMAT = 1
REPEATABLE = 0.01
"""How far apart a configuration's windows may be, as a share of their mean, for its count to be published."""


class Count(Strict):
    """One server running one app, verified, warmed up, then counted over equal windows of requests."""

    name: str
    subject: str
    task: str
    server: str
    environment: str
    command: str
    """The server's command line, with the port as `{port}`, as it ran under callgrind."""
    problems: list[str]
    """Why it was not counted: failed verification or a server that would not start. Empty when counted."""
    windows: list[Annotated[int, Field(ge=0)]]
    """Instructions the whole process tree executed in each window, from zeroing the counters to dumping them."""
    window_seconds: list[Annotated[float, Field(gt=0)]]
    """How long each window lasted, which callgrind and a busy machine stretch."""
    idle: Annotated[int, Field(ge=0)] | None
    """Instructions in a window with no requests: the server's own timers and the harness's zeroing and dumping."""
    idle_seconds: Annotated[float, Field(gt=0)] | None
    baseline: str | None
    """The raw app on the same server, counted in the same run, which ratios compare with."""

    @model_validator(mode="after")
    def _windows_have_their_times(self) -> Count:
        if len(self.window_seconds) != len(self.windows):
            raise ValueError(f"{len(self.windows)} windows but {len(self.window_seconds)} window_seconds")
        if (self.idle is None) != (self.idle_seconds is None):
            raise ValueError("idle and idle_seconds go together")
        return self

    @property
    def idle_per_s(self) -> float:
        return self.idle / self.idle_seconds if self.idle is not None and self.idle_seconds else 0.0

    @property
    def requests_share(self) -> list[float]:
        """Each window's instructions less what the server would have executed idle for as long: the requests' own."""
        return [count - self.idle_per_s * seconds for count, seconds in zip(self.windows, self.window_seconds, strict=True)]

    def per_request(self, requests: int) -> float | None:
        """The mean of the windows' request shares, per request; None when it was not counted."""
        return statistics.fmean(self.requests_share) / requests if self.windows else None

    @property
    def spread(self) -> float:
        """How far apart the windows' request shares are, as a share of their mean: 0 for one window or none."""
        shares = self.requests_share
        if len(shares) < 2 or statistics.fmean(shares) <= 0:
            return 0.0
        return (max(shares) - min(shares)) / statistics.fmean(shares)


class CountMethod(Strict):
    """The constants the harness ran with, which the page prints as the method."""

    requests: Annotated[int, Field(ge=1)]
    """Requests in each counted window."""
    windows: Annotated[int, Field(ge=1)]
    warmup_requests: Annotated[int, Field(ge=0)]
    connections: Annotated[int, Field(ge=1)]
    at_once: Annotated[int, Field(ge=1)]
    """Configurations counted at the same time: contention slows a count but does not change it."""
    hash_seed: str
    valgrind: str
    valgrind_command: str
    client: str
    """How the requests were sent."""


class CountMachine(Strict):
    cpu_model: str
    cores: Annotated[int, Field(ge=1)]
    kernel: str
    load_before: list[float]
    load_after: list[float]


class InstructionSet(Strict):
    format: int = FORMAT
    started: dt.datetime
    finished: dt.datetime
    machine: CountMachine
    method: CountMethod
    harness_python: str
    environments: dict[str, Environment]
    counts: list[Count]

    @property
    def date(self) -> dt.date:
        return self.started.date()


def refusals(result: InstructionSet) -> list[str]:
    """Why a set may not be published: a counted configuration whose windows disagree. Empty when it may."""
    return [
        f"{count.name}: its windows are {count.spread:.1%} apart, more than {REPEATABLE:.0%}"
        for count in result.counts
        if count.spread > REPEATABLE
    ]


def newest_instructions(root: Path) -> InstructionSet | None:
    """The newest set in data/benchmarks/instructions/, validated; None when none is committed."""
    return newest_set(root / INSTRUCTIONS_DIR, InstructionSet, refusals, "counts")
