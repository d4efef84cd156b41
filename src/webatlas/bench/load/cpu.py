"""CPU time and peak memory of a server and every process under it, as psutil and /proc give them.

gunicorn, uvicorn and hypercorn run their workers as child processes, so the server's own counters
alone would miss most of the work. Each live process counts its own time (all its threads included);
a process that has exited and been waited for counts in its parent's children times instead, so
the sum over the tree loses nothing a parent reaped. Two gaps remain: an orphan is re-parented
outside the tree (to init or a subreaper) and drops out of it, and a child that exits between the
moment the tree is listed and the moment its times are read is counted in neither.
"""

from __future__ import annotations

from pathlib import Path

import psutil

from webatlas.bench.errors import BenchError

PROC = Path("/proc")


def _tree(pid: int) -> list[psutil.Process]:
    """`pid` first, then every process below it; BenchError when `pid` is gone."""
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        raise BenchError(f"process {pid} is gone, so its CPU time and memory cannot be read; did the server exit?") from None


def descendants(pid: int) -> list[int]:
    """`pid` first, then every process below it."""
    return [member.pid for member in _tree(pid)]


def tree_cpu_seconds(pid: int) -> float:
    """User and system CPU time of `pid`, its descendants and the children they reaped; raises BenchError when `pid` is gone."""
    total = 0.0
    for member in _tree(pid):
        try:
            times = member.cpu_times()
        except psutil.NoSuchProcess:
            continue  # It exited after the listing; its parent counts it once it reaps it.
        total += times.user + times.system + times.children_user + times.children_system
    return total


def _peak_rss_kib(status: str) -> int:
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    # Kernel threads and zombies have no memory and no VmHWM line.
    return 0


def tree_peak_rss_bytes(pid: int) -> int:
    """The sum of each live process's peak resident set (VmHWM) over `pid` and its descendants; BenchError when `pid` is gone.

    psutil reads no peak, so VmHWM comes from /proc. Forked workers share their parent's pages until
    they write to them, and each process counts the shared pages again, so the sum overstates the
    memory the tree used together.
    """
    total_kib = 0
    for member in descendants(pid):
        try:
            status = (PROC / str(member) / "status").read_text(encoding="utf-8", errors="replace")
        except (FileNotFoundError, ProcessLookupError):
            if member == pid:
                raise BenchError(f"process {pid} is gone, so its memory cannot be read; did the server exit?") from None
            continue
        total_kib += _peak_rss_kib(status)
    # The kernel's "kB" is 1024 bytes.
    return total_kib * 1024
