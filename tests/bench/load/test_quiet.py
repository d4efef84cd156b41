"""The quiet gate waits out a busy spell, never longer than its patience, measures busy against the median probe,
and keeps nothing it probed."""

from __future__ import annotations

import pytest

from webatlas.bench.load import quiet


@pytest.fixture(autouse=True)
def no_real_pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    monkeypatch.setattr(quiet.time, "sleep", slept.append)
    return slept


def gate(rates: list[float]) -> tuple[quiet.QuietGate, list[str]]:
    messages: list[str] = []
    remaining = iter(rates)
    return quiet.QuietGate(lambda: next(remaining), messages.append), messages


def test_a_probe_near_the_typical_one_lets_the_run_go_on_at_once(no_real_pauses: list[float]) -> None:
    probe_gate, messages = gate([1000.0, 950.0, 1000.0])
    for _ in range(3):
        probe_gate.wait()
    assert probe_gate.typical == 1000.0 and probe_gate.probes == 3 and probe_gate.waited_s == 0
    assert no_real_pauses == [] and messages == []


def test_one_lucky_probe_does_not_raise_the_bar(no_real_pauses: list[float]) -> None:
    """Against the best probe, 1,000 after a lucky 1,300 would count as busy; against the median it is ordinary."""
    probe_gate, messages = gate([1000.0, 1300.0, 1000.0, 980.0])
    for _ in range(4):
        probe_gate.wait()
    assert probe_gate.waited_s == 0 and messages == []


def test_a_busy_spell_is_waited_out(no_real_pauses: list[float]) -> None:
    probe_gate, messages = gate([1000.0, 1000.0, 600.0, 700.0, 980.0])
    probe_gate.wait()
    probe_gate.wait()
    probe_gate.wait()
    assert probe_gate.probes == 5
    assert no_real_pauses == [quiet.PAUSE_S, quiet.PAUSE_S] and probe_gate.waited_s == 2 * quiet.PAUSE_S
    assert messages[0].startswith("the machine is busy (probe 600 req/s, median 1,000)")


def test_patience_runs_out_and_the_run_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(range(0, 10_000, 100))
    monkeypatch.setattr(quiet.time, "monotonic", lambda: float(next(clock)))
    probe_gate, messages = gate([*([1000.0] * 9), *([100.0] * 50)])
    for _ in range(10):
        probe_gate.wait()
    assert messages[-1] == f"the machine stayed busy for {quiet.PATIENCE_S} s; going on"
    # The fake clock moves 100 s a reading: the third busy probe comes after the 240 s of patience.
    assert probe_gate.probes == 9 + 3


def test_a_lasting_change_becomes_the_typical_state(no_real_pauses: list[float]) -> None:
    """Once slower probes are the majority, the run goes on at the new pace rather than waiting for the old one."""
    probe_gate, messages = gate([1000.0, 1000.0, 700.0, 700.0, 700.0])
    probe_gate.wait()
    probe_gate.wait()
    probe_gate.wait()
    assert probe_gate.probes == 5 and probe_gate.typical == 700.0 and len(messages) == 2


def test_the_run_stops_waiting_once_its_budget_is_spent(no_real_pauses: list[float]) -> None:
    """A machine busy all along cannot stretch a run past its time budget: after WAIT_BUDGET_S the gate no longer
    probes, so the rest of the run goes on at once."""
    busy_spells = quiet.WAIT_BUDGET_S // quiet.PAUSE_S
    probe_gate, messages = gate([1000.0, *([100.0, 1000.0] * busy_spells)])
    for _ in range(busy_spells + 5):
        probe_gate.wait()
    assert probe_gate.waited_s == quiet.WAIT_BUDGET_S and len(no_real_pauses) == busy_spells
    assert messages[-1] == f"the run has waited {quiet.WAIT_BUDGET_S} s for quiet in all; it goes on without probing"
    assert probe_gate.probes == 1 + 2 * busy_spells - 1
