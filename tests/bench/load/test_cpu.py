"""Process trees and their CPU time, on a made-up /proc and on a real child and grandchild."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from webatlas.bench.errors import BenchError
from webatlas.bench.load.cpu import ProcStat, descendants, parse_stat, tree_cpu_seconds, tree_peak_rss_bytes

TICK = os.sysconf("SC_CLK_TCK")


def stat_line(pid: int, comm: str, ppid: int, utime: int, stime: int, cutime: int = 0, cstime: int = 0) -> str:
    # Fields 1 to 22 of proc(5), enough to reach every one the parser reads and a few beyond.
    return f"{pid} ({comm}) S {ppid} {pid} {pid} 0 -1 4194560 120 0 0 0 {utime} {stime} {cutime} {cstime} 20 0 1 0 5000 0 0\n"


def test_parse_stat_splits_at_the_last_parenthesis() -> None:
    stat = parse_stat(stat_line(4242, "a b) c", 17, utime=30, stime=7, cutime=5, cstime=2))
    assert stat == ProcStat(pid=4242, comm="a b) c", ppid=17, utime=30, stime=7, cutime=5, cstime=2)
    assert stat.ticks == 44


def test_parse_stat_reads_a_real_line() -> None:
    stat = parse_stat(Path(f"/proc/{os.getpid()}/stat").read_text(encoding="utf-8"))
    assert stat.pid == os.getpid()
    assert stat.ppid == os.getppid()
    assert stat.utime + stat.stime > 0  # this interpreter has imported pytest by now


@pytest.mark.parametrize("text", ["", "12 no parentheses S 1", "12 (short) S 1 2 3"])
def test_parse_stat_refuses_other_text(text: str) -> None:
    with pytest.raises(ValueError):
        parse_stat(text)


@pytest.fixture
def proc(tmp_path: Path) -> Path:
    """A /proc with init, a server of two workers (one with a grandchild), an unrelated process and a vanished one."""
    lines = {
        1: stat_line(1, "systemd", 0, 500, 500),
        100: stat_line(100, "gunicorn: master", 1, 10, 5, cutime=40, cstime=10),
        101: stat_line(101, "gunicorn: worker", 100, 200, 30),
        102: stat_line(102, "a b) c", 100, 100, 20),
        200: stat_line(200, "sh", 101, 3, 2),
        300: stat_line(300, "unrelated", 1, 900, 900),
    }
    peaks = {100: 20_000, 101: 35_000, 200: 1_000, 300: 99_999}
    for pid, line in lines.items():
        (tmp_path / str(pid)).mkdir()
        (tmp_path / str(pid) / "stat").write_text(line, encoding="utf-8")
        hwm = f"VmPeak:\t  90000 kB\nVmHWM:\t   {peaks[pid]} kB\nVmRSS:\t 1 kB\n" if pid in peaks else "State:\tZ (zombie)\n"
        (tmp_path / str(pid) / "status").write_text(f"Name:\tx\n{hwm}", encoding="utf-8")
    # Listed, but gone before its stat could be read.
    (tmp_path / "400").mkdir()
    (tmp_path / "self").mkdir()
    (tmp_path / "meminfo").write_text("MemTotal: 1 kB\n", encoding="utf-8")
    return tmp_path


def test_descendants_are_the_whole_tree_below_the_pid(proc: Path) -> None:
    assert descendants(100, proc) == [100, 101, 102, 200]
    assert descendants(101, proc) == [101, 200]
    assert descendants(300, proc) == [300]


def test_tree_cpu_adds_every_member_and_its_reaped_children(proc: Path) -> None:
    ticks = (10 + 5 + 40 + 10) + (200 + 30) + (100 + 20) + (3 + 2)
    assert tree_cpu_seconds(100, proc) == pytest.approx(ticks / TICK)
    assert tree_cpu_seconds(200, proc) == pytest.approx(5 / TICK)


def test_tree_peak_rss_adds_vmhwm_in_kib(proc: Path) -> None:
    # 102 has no VmHWM line, like a zombie.
    assert tree_peak_rss_bytes(100, proc) == (20_000 + 35_000 + 1_000) * 1024


def test_a_vanished_root_is_an_error(proc: Path) -> None:
    with pytest.raises(BenchError, match="process 400 is gone"):
        tree_cpu_seconds(400, proc)
    with pytest.raises(BenchError, match="process 400 is gone"):
        tree_peak_rss_bytes(400, proc)


GRANDCHILD = """
import sys, time
sys.stdin.readline()
start = time.process_time()
while time.process_time() - start < 0.3:
    pass
"""

CHILD = """
import subprocess, sys
grandchild = subprocess.Popen([sys.executable, "-c", sys.argv[1]])
print(grandchild.pid, flush=True)
grandchild.wait()
print("reaped", flush=True)
sys.stdin.read()
"""


def test_a_busy_grandchild_counts_towards_the_tree() -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD, GRANDCHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None
    try:
        grandchild = int(child.stdout.readline())
        # The grandchild waits for its line, so both are alive here.
        assert descendants(child.pid) == [child.pid, grandchild]
        assert tree_peak_rss_bytes(child.pid) > tree_peak_rss_bytes(grandchild) > 0
        before = tree_cpu_seconds(child.pid)
        assert before > 0  # two interpreters have started

        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline() == "reaped\n"
        assert descendants(child.pid) == [child.pid]
        after = tree_cpu_seconds(child.pid)
        # The grandchild spun until its own CPU clock had advanced 0.3 s, then was reaped into the
        # child's cutime; the margin is for /proc's rounding to clock ticks, not for timing.
        assert after - before >= 0.25
    finally:
        child.stdin.close()
        try:
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
