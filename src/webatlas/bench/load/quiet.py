"""Wait out busy spells on a shared machine before timing: a short probe of a reference app must come within a tenth
of the median of every probe so far, or the run pauses and probes again. Figures are never discarded; only the start
of the next measurements waits."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

QUIET_TOLERANCE = 0.10
"""A probe this far below the typical probe means something else is using the machine."""
PROBE_SECONDS = 2
PROBE_EVERY = 5
"""Measurements between probes. Busy spells here last from seconds to minutes, so a probe says little about the
machine more than about 20 s later."""
PAUSE_S = 15
PATIENCE_S = 240
"""After this long busy, the run goes on anyway and says so; the figures' spread then shows the noise."""
WAIT_BUDGET_S = 600
"""The most a whole run waits for quiet. Timing alone takes about 26 min here, so with this a full run stays inside
its 40-minute budget; a run that spends it goes on unprobed and says so."""


@dataclass
class QuietGate:
    probe: Callable[[], float]
    """Times the reference app briefly and returns its requests per second."""
    progress: Callable[[str], None]
    rates: list[float] = field(default_factory=list)
    waited_s: float = 0.0
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep

    @property
    def probes(self) -> int:
        return len(self.rates)

    @property
    def typical(self) -> float:
        """The median probe so far. Not the best: the best of many noisy probes is an outlier that keeps rising, and
        a gate measured against it ends up waiting on ordinary jitter."""
        return statistics.median(self.rates)

    @property
    def wait_budget_spent(self) -> bool:
        return self.waited_s >= WAIT_BUDGET_S

    def wait(self) -> None:
        """Return once a probe comes within the tolerance of the typical one, after PATIENCE_S, or at once when the
        run's WAIT_BUDGET_S is spent."""
        if self.wait_budget_spent:
            return
        deadline = self.clock() + PATIENCE_S
        while True:
            rate = self.probe()
            self.rates.append(rate)
            if rate >= (1 - QUIET_TOLERANCE) * self.typical:
                return
            if self.clock() >= deadline:
                self.progress(f"the machine stayed busy for {PATIENCE_S} s; going on")
                return
            self.progress(f"the machine is busy (probe {rate:,.0f} req/s, median {self.typical:,.0f}): waiting {PAUSE_S} s")
            self.sleep(PAUSE_S)
            self.waited_s += PAUSE_S
            if self.wait_budget_spent:
                self.progress(f"the run has waited {WAIT_BUDGET_S} s for quiet in all; it goes on without probing")
                return
