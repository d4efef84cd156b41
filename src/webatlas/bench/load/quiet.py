"""Wait out busy spells on a shared machine before timing: a short probe of a reference app must come within a tenth
of its best probe so far, or the run pauses and probes again. Figures are never discarded; only the start of the next
measurements waits."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

QUIET_TOLERANCE = 0.10
"""A probe this far below the best probe so far means something else is using the machine."""
PROBE_SECONDS = 2
PROBE_EVERY = 10
"""Measurements between probes: often enough to catch a spell, seldom enough to cost little."""
PAUSE_S = 15
PATIENCE_S = 240
"""After this long busy, the run goes on anyway and says so; the figures' spread then shows the noise."""


@dataclass
class QuietGate:
    probe: Callable[[], float]
    """Times the reference app briefly and returns its requests per second."""
    progress: Callable[[str], None]
    best: float = 0.0
    waited_s: float = 0.0
    probes: int = 0

    def wait(self) -> None:
        """Return once a probe comes within the tolerance of the best one, or after PATIENCE_S."""
        deadline = time.monotonic() + PATIENCE_S
        while True:
            rate = self.probe()
            self.probes += 1
            self.best = max(self.best, rate)
            if rate >= (1 - QUIET_TOLERANCE) * self.best:
                return
            if time.monotonic() >= deadline:
                self.progress(f"the machine stayed busy for {PATIENCE_S} s; going on")
                return
            self.progress(f"the machine is busy (probe {rate:,.0f} req/s, best {self.best:,.0f}): waiting {PAUSE_S} s")
            time.sleep(PAUSE_S)
            self.waited_s += PAUSE_S
