"""perf's CSV lines, and whether this machine counts instructions at all."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from webatlas.bench.load import perf
from webatlas.bench.load.perf import counting_instructions, instructions_supported, parse_instructions

HEADER = "# started on Wed Dec  2 16:30:10 2026\n\n"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # What perf 6.1 writes on this VM, which exposes no hardware counters.
        (HEADER + "<not supported>,,instructions,0,100.00,,\n", None),
        ("<not counted>,,instructions:u,0,0.00,,\n", None),
        (HEADER + "1843022,,instructions:u,1034567,100.00,0.71,insn per cycle\n", 1843022),
        ("25118,,instructions,301222,100.00,,\n", 25118),
        # Hybrid CPUs count on each kind of core, a line each; a kind that never ran is not counted.
        ("5000,,cpu_core/instructions/,1000,100.00,,\n700,,cpu_atom/instructions/,900,100.00,,\n", 5700),
        ("5000,,cpu_core/instructions/u,1000,100.00,,\n<not counted>,,cpu_atom/instructions/u,0,0.00,,\n", 5000),
        ("0.70,msec,task-clock,701742,100.00,0.472,CPUs utilized\n412,,branch-instructions,9,100.00,,\n", None),
        ("", None),
    ],
)
def test_parse_instructions(text: str, count: int | None) -> None:
    assert parse_instructions(text) == count


def real_perf_output() -> str | None:
    """What `perf stat -x, -e instructions -- true` writes here, or None without perf."""
    if shutil.which("perf") is None:
        return None
    done = subprocess.run(["perf", "stat", "-x,", "-e", "instructions", "--", "true"], capture_output=True, text=True, check=False)
    # perf writes its counts to stderr unless told otherwise.
    return done.stderr if done.returncode == 0 else None


def test_support_agrees_with_perfs_own_output() -> None:
    supported = instructions_supported()
    assert isinstance(supported, bool)
    output = real_perf_output()
    assert supported == (output is not None and parse_instructions(output) is not None)


def test_no_perf_means_no_support(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert instructions_supported() is False


def test_counting_gives_a_count_only_where_perf_can() -> None:
    supported = instructions_supported()
    with counting_instructions([os.getpid()]) as count:
        sum(range(3_000_000))
    if supported:
        assert isinstance(count.value, int)
        assert count.value > 3_000_000
    else:
        assert count.value is None


def test_counting_without_perf_leaves_the_count_empty(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    perf._supported_once.cache_clear()
    try:
        with counting_instructions([os.getpid()]) as count:
            pass
        assert count.value is None
    finally:
        perf._supported_once.cache_clear()


def test_counting_needs_a_process() -> None:
    with pytest.raises(ValueError), counting_instructions([]):
        pass
