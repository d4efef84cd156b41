"""Process trees, their CPU time and their peak memory, on a real child and grandchild."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from webatlas.bench.errors import BenchError
from webatlas.bench.load.cpu import descendants, tree_cpu_seconds, tree_peak_rss_bytes

MIB = 1024 * 1024


def test_a_vanished_root_is_an_error() -> None:
    # No process ever gets a pid above the kernel's limit.
    gone = int(Path("/proc/sys/kernel/pid_max").read_text()) + 1
    for measure in (descendants, tree_cpu_seconds, tree_peak_rss_bytes):
        with pytest.raises(BenchError, match=f"process {gone} is gone"):
            measure(gone)


GRANDCHILD = """
import sys, time
resident = b"x" * (64 << 20)  # written, so every page of it is resident
print("ready", flush=True)
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
        # The child prints the grandchild's pid and the grandchild says when it holds its memory, in either order.
        pid_line, ready = sorted([child.stdout.readline(), child.stdout.readline()])
        assert ready == "ready\n"
        grandchild = int(pid_line)
        # The grandchild waits for its line, so both are alive here.
        assert descendants(child.pid) == [child.pid, grandchild]
        # The grandchild holds 64 MiB it wrote; the tree adds the child's own peak, which is above zero.
        assert tree_peak_rss_bytes(child.pid) > tree_peak_rss_bytes(grandchild) >= 64 * MIB
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
