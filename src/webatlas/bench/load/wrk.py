"""Running wrk and reading its report.

wrk (not wrk2) drives every connection in a closed loop: a connection sends its next request only
once the previous response has arrived. While the server stalls, wrk therefore stops sending, and the
requests that would have waited are never timed at all: the latency percentiles suffer from
coordinated omission and look better than what users of an open system would see. wrk 4.1 back-fills
some samples afterwards (`stats_correct`, from the mean interval per connection), which narrows the gap
but does not close it; treat its percentiles as optimistic and compare them only between runs made the
same way.

Two more things about the report this module reads, both from wrk 4.1.0's source:

- a response slower than `--timeout` counts as a "timeout" socket error and is left out of the
  latency distribution; a request that never gets an answer is counted nowhere;
- despite its name, "Non-2xx or 3xx responses" counts only statuses of 400 and above.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

from webatlas.bench.errors import BenchError

SOCKET_ERROR_KINDS = ("connect", "read", "write", "timeout")

# wrk's `format_time_us` writes us or ms below a second and s or m from a second on; the "h" in its
# table is never reached, so it is not accepted here.
_TIME_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}
# `format_binary` scales by 1024 (wrk appends the "B") and, for the same reason, stops at "T".
_BYTE_UNITS = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}

# Spaces, never `\s`: a pattern must not run on into the next line.
_NUMBER = r"(\d+(?:\.\d+)?)"
_TIME = _NUMBER + r"(us|ms|s|m)"
# wrk pads each value to a column; a one-letter unit leaves a trailing space ("    1.20s ").
_PERCENTILE = re.compile(r"^ +(\d+)% +" + _TIME + r" *$", re.MULTILINE)
_DISTRIBUTION = re.compile(r"^ +Latency Distribution$", re.MULTILINE)
_TOTALS = re.compile(r"^ +(\d+) requests in " + _TIME + r", " + _NUMBER + r"(B|KB|MB|GB|TB) read$", re.MULTILINE)
_SOCKET_ERRORS = re.compile(r"^ +Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)$", re.MULTILINE)
_NON_2XX_3XX = re.compile(r"^ +Non-2xx or 3xx responses: (\d+)$", re.MULTILINE)
_RATE = re.compile(r"^Requests/sec: +" + _NUMBER + r"$", re.MULTILINE)

_HEAD_LINES = 8
"""How many lines of the output an error message quotes."""


class WrkOutputError(BenchError):
    """wrk's report lacked a part this module needs, or it was not wrk's report at all."""


@dataclass(frozen=True)
class WrkResult:
    requests: int
    duration_s: float
    requests_per_s: float
    """As wrk prints it under "Requests/sec": `requests` over the measured duration."""
    latency_p50_s: float
    """0 when no response was timed: none arrived, or all came later than `--timeout`."""
    latency_p90_s: float
    latency_p99_s: float
    socket_errors: dict[str, int]
    """Keyed by connect, read, write and timeout; all zero when wrk printed no "Socket errors" line."""
    non_2xx_3xx: int
    transfer_bytes: int
    """Approximate: wrk prints two decimals of the largest fitting unit (e.g. "694.68KB")."""

    @property
    def errors(self) -> int:
        return sum(self.socket_errors.values())


def _seconds(number: str, unit: str) -> float:
    return float(number) * _TIME_UNITS[unit]


def _head(text: str) -> str:
    lines = text.splitlines()[:_HEAD_LINES]
    return "\n".join(lines) if lines else "(no output)"


def parse(text: str) -> WrkResult:
    """The numbers in wrk's report, run with `--latency`; raises WrkOutputError naming any missing part."""
    missing: list[str] = []

    percentiles: dict[int, float] = {}
    distribution = _DISTRIBUTION.search(text)
    if distribution is None:
        missing.append('the "Latency Distribution" block (was wrk run with --latency?)')
    else:
        for match in _PERCENTILE.finditer(text, distribution.end()):
            percentiles[int(match[1])] = _seconds(match[2], match[3])
        missing.extend(f'the {p}% line of "Latency Distribution"' for p in (50, 90, 99) if p not in percentiles)

    totals = _TOTALS.search(text)
    if totals is None:
        missing.append('the "N requests in T, B read" line')
    rate = _RATE.search(text)
    if rate is None:
        missing.append('the "Requests/sec:" line')

    if missing or totals is None or rate is None:
        raise WrkOutputError(f"wrk's output lacks {'; '.join(missing)}. It began:\n{_head(text)}")

    socket_errors = dict.fromkeys(SOCKET_ERROR_KINDS, 0)
    if (errors := _SOCKET_ERRORS.search(text)) is not None:
        socket_errors = {kind: int(errors[i]) for i, kind in enumerate(SOCKET_ERROR_KINDS, start=1)}
    non_2xx_3xx = _NON_2XX_3XX.search(text)

    return WrkResult(
        requests=int(totals[1]),
        duration_s=_seconds(totals[2], totals[3]),
        requests_per_s=float(rate[1]),
        latency_p50_s=percentiles[50],
        latency_p90_s=percentiles[90],
        latency_p99_s=percentiles[99],
        socket_errors=socket_errors,
        non_2xx_3xx=int(non_2xx_3xx[1]) if non_2xx_3xx else 0,
        transfer_bytes=round(float(totals[4]) * _BYTE_UNITS[totals[5]]),
    )


def _whole_seconds(name: str, value: float) -> str:
    # wrk reads times as an integer followed by an optional unit of s, m or h: "1.5s" and "500ms" are usage errors.
    if value < 1 or not float(value).is_integer():
        raise ValueError(f"wrk takes {name} in whole seconds, at least 1; got {value}")
    return f"{int(value)}s"


def command(
    url: str,
    *,
    connections: int,
    duration_s: float,
    threads: int = 1,
    core: int | None = None,
    timeout_s: float = 10,
) -> list[str]:
    """The argv that runs wrk with `--latency` against `url`, pinned to CPU `core` with taskset when one is given."""
    if threads < 1 or connections < threads:
        # wrk splits connections evenly between threads and refuses fewer connections than threads.
        raise ValueError(f"wrk needs 1 <= threads <= connections; got {threads} threads and {connections} connections")
    argv = [
        "wrk",
        "--latency",
        "--threads",
        str(threads),
        "--connections",
        str(connections),
        "--duration",
        _whole_seconds("the duration", duration_s),
        "--timeout",
        _whole_seconds("the timeout", timeout_s),
        url,
    ]
    if core is None:
        return argv
    if core < 0:
        raise ValueError(f"a CPU core number is at least 0; got {core}")
    return ["taskset", "-c", str(core), *argv]


def run(argv: list[str], timeout_s: float) -> WrkResult:
    """Runs `argv` (from `command`) and parses its report; raises BenchError when wrk fails or prints no report."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, errors="replace", timeout=timeout_s, check=False)
    except FileNotFoundError as error:
        raise BenchError(f"{argv[0]} is not installed: {error}. On Debian: apt-get install wrk util-linux") from error
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"wrk ran longer than {timeout_s} s and was stopped: {' '.join(argv)}") from error
    stderr = done.stderr.strip() or "(empty)"
    if done.returncode != 0:
        # wrk prints its usage text to stdout, so a rejected argument shows only there.
        raise BenchError(
            f"wrk exited with status {done.returncode}: {' '.join(argv)}\nstderr: {stderr}\nstdout began:\n{_head(done.stdout)}"
        )
    try:
        return parse(done.stdout)
    except WrkOutputError as error:
        raise WrkOutputError(f"{error}\nwrk's stderr: {stderr}") from error
