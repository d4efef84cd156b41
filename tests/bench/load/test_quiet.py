"""The quiet gate waits out a busy spell, never longer than its patience, measures busy against the median probe,
and keeps nothing it probed."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from webatlas.bench.load import quiet


@dataclass
class FakeTime:
    """A clock that moves only when the gate sleeps, so that each test knows to the second how long it waited."""

    now: float = 0.0
    slept: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


def gate(rates: list[float], fake_time: FakeTime) -> tuple[quiet.QuietGate, list[str]]:
    messages: list[str] = []
    remaining = iter(rates)
    return quiet.QuietGate(lambda: next(remaining), messages.append, clock=fake_time.clock, sleep=fake_time.sleep), messages


def test_a_probe_near_the_typical_one_lets_the_run_go_on_at_once(fake_time: FakeTime) -> None:
    probe_gate, messages = gate([1000.0, 950.0, 1000.0], fake_time)
    for _ in range(3):
        probe_gate.wait()
    assert probe_gate.typical == 1000.0 and probe_gate.probes == 3 and probe_gate.waited_s == 0
    assert fake_time.slept == [] and messages == []


def test_one_lucky_probe_does_not_raise_the_bar(fake_time: FakeTime) -> None:
    """Against the best probe, 1,000 after a lucky 1,300 would count as busy; against the median it is ordinary."""
    probe_gate, messages = gate([1000.0, 1300.0, 1000.0, 980.0], fake_time)
    for _ in range(4):
        probe_gate.wait()
    assert probe_gate.waited_s == 0 and messages == []


def test_a_busy_spell_is_waited_out(fake_time: FakeTime) -> None:
    probe_gate, messages = gate([1000.0, 1000.0, 600.0, 700.0, 980.0], fake_time)
    probe_gate.wait()
    probe_gate.wait()
    probe_gate.wait()
    assert probe_gate.probes == 5
    assert fake_time.slept == [quiet.PAUSE_S, quiet.PAUSE_S] and probe_gate.waited_s == 2 * quiet.PAUSE_S
    assert messages[0].startswith("the machine is busy (probe 600 req/s, median 1,000)")


def test_patience_runs_out_and_the_run_says_so(fake_time: FakeTime) -> None:
    probe_gate, messages = gate([*([1000.0] * 20), *([100.0] * 50)], fake_time)
    for _ in range(21):
        probe_gate.wait()
    assert messages[-1] == f"the machine stayed busy for {quiet.PATIENCE_S} s; going on"
    # Busy probes come 15 s apart, so the 17th comes 16 pauses (240 s) after the first: the end of patience. The 20
    # quiet probes before them keep the median at 1,000 throughout.
    assert probe_gate.probes == 20 + 17 and fake_time.slept == [quiet.PAUSE_S] * 16 and len(messages) == 17


def test_a_lasting_change_becomes_the_typical_state(fake_time: FakeTime) -> None:
    """Once slower probes are the majority, the run goes on at the new pace rather than waiting for the old one."""
    probe_gate, messages = gate([1000.0, 1000.0, 700.0, 700.0, 700.0], fake_time)
    probe_gate.wait()
    probe_gate.wait()
    probe_gate.wait()
    assert probe_gate.probes == 5 and probe_gate.typical == 700.0 and len(messages) == 2


def test_the_run_stops_waiting_once_its_budget_is_spent(fake_time: FakeTime) -> None:
    """A machine busy all along cannot stretch a run past its time budget: after WAIT_BUDGET_S the gate no longer
    probes, so the rest of the run goes on at once."""
    busy_spells = quiet.WAIT_BUDGET_S // quiet.PAUSE_S
    probe_gate, messages = gate([1000.0, *([100.0, 1000.0] * busy_spells)], fake_time)
    for _ in range(busy_spells + 5):
        probe_gate.wait()
    assert probe_gate.waited_s == quiet.WAIT_BUDGET_S and len(fake_time.slept) == busy_spells
    assert messages[-1] == f"the run has waited {quiet.WAIT_BUDGET_S} s for quiet in all; it goes on without probing"
    assert probe_gate.probes == 1 + 2 * busy_spells - 1
