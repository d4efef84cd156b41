"""CPU time and peak memory of a server and every process under it, read from /proc.

gunicorn, uvicorn and hypercorn run their workers as child processes, so the server's own counters
alone would miss most of the work. Each live process counts its own time (all its threads included);
a process that has exited and been waited for counts in its parent's cutime and cstime instead, so
the sum over the tree loses nothing a parent reaped. Two gaps remain: an orphan is re-parented
outside the tree (to init or a subreaper) and drops out of it, and a child that exits between the
moment its parent's line is read and its own is read is counted in neither.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from webatlas.bench.errors import BenchError

PROC = Path("/proc")


@dataclass(frozen=True)
class ProcStat:
    """The fields of /proc/<pid>/stat used here; times are in clock ticks (os.sysconf("SC_CLK_TCK") a second)."""

    pid: int
    comm: str
    ppid: int
    utime: int
    stime: int
    cutime: int
    cstime: int

    @property
    def ticks(self) -> int:
        """This process's CPU time plus that of the children it has waited for."""
        return self.utime + self.stime + self.cutime + self.cstime


def parse_stat(text: str) -> ProcStat:
    """The fields of one /proc/<pid>/stat line; raises ValueError when it is not one."""
    # The command name sits in parentheses and may itself hold spaces and ")": it is whatever lies
    # between the first "(" and the last ")", and the numbered fields start after that.
    opening, closing = text.find("("), text.rfind(")")
    if opening < 0 or closing < opening:
        raise ValueError(f"not a /proc/<pid>/stat line: {text[:80]!r}")
    fields = text[closing + 1 :].split()
    # fields[0] is field 3 of proc(5), the state; field k is fields[k - 3].
    if len(fields) < 15:
        raise ValueError(f"a /proc/<pid>/stat line with only {len(fields) + 2} fields: {text[:80]!r}")
    return ProcStat(
        pid=int(text[:opening]),
        comm=text[opening + 1 : closing],
        ppid=int(fields[1]),
        utime=int(fields[11]),
        stime=int(fields[12]),
        cutime=int(fields[13]),
        cstime=int(fields[14]),
    )


def _snapshot(proc: Path) -> dict[int, ProcStat]:
    """Every process's stat line; only thread-group leaders are listed in /proc, so threads are not repeated."""
    stats: dict[int, ProcStat] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text(encoding="utf-8", errors="replace")
        except (FileNotFoundError, ProcessLookupError):
            # It exited between the listing and the read.
            continue
        stats[int(entry.name)] = parse_stat(text)
    return stats


def _tree(pid: int, stats: dict[int, ProcStat]) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in stats.values():
        children.setdefault(stat.ppid, []).append(stat.pid)
    tree, pending, seen = [pid], [pid], {pid}
    while pending:
        # `seen` only matters for a made-up /proc: real parent links cannot form a loop.
        found = sorted(set(children.get(pending.pop(), [])) - seen)
        seen.update(found)
        tree.extend(found)
        pending.extend(found)
    return tree


def descendants(pid: int, proc: Path = PROC) -> list[int]:
    """`pid` first, then every process below it, found by following parent links over /proc/[0-9]*/stat."""
    return _tree(pid, _snapshot(proc))


def tree_cpu_seconds(pid: int, proc: Path = PROC) -> float:
    """User and system CPU time of `pid`, its descendants and the children they reaped; raises BenchError when `pid` is gone."""
    stats = _snapshot(proc)
    if pid not in stats:
        raise BenchError(f"process {pid} is gone, so its CPU time cannot be read; did the server exit?")
    ticks = sum(stats[member].ticks for member in _tree(pid, stats))
    return ticks / os.sysconf("SC_CLK_TCK")


def _peak_rss_kib(status: str) -> int:
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    # Kernel threads and zombies have no memory and no VmHWM line.
    return 0


def tree_peak_rss_bytes(pid: int, proc: Path = PROC) -> int:
    """The sum of each live process's peak resident set (VmHWM) over `pid` and its descendants; BenchError when `pid` is gone.

    Forked workers share their parent's pages until they write to them, and each process counts the
    shared pages again, so the sum overstates the memory the tree used together.
    """
    total_kib = 0
    for member in descendants(pid, proc):
        try:
            status = (proc / str(member) / "status").read_text(encoding="utf-8", errors="replace")
        except (FileNotFoundError, ProcessLookupError):
            if member == pid:
                raise BenchError(f"process {pid} is gone, so its memory cannot be read; did the server exit?") from None
            continue
        total_kib += _peak_rss_kib(status)
    # The kernel's "kB" is 1024 bytes.
    return total_kib * 1024
