"""h2load (Debian's nghttp2-client) as the counting client: it sends an exact number of HTTP/1.1 requests over a fixed
number of keep-alive connections, where wrk sends as many as fit in a time."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

from webatlas.bench.errors import BenchError

_REQUESTS = re.compile(r"^requests: (\d+) total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed", re.MULTILINE)
_STATUSES = re.compile(r"^status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx", re.MULTILINE)


@dataclass(frozen=True)
class Result:
    total: int
    succeeded: int
    failed: int
    ok: int
    """Answers with a 2xx status."""

    @property
    def all_ok(self) -> bool:
        return self.succeeded == self.total and self.ok == self.total and not self.failed


def command(url: str, *, requests: int, connections: int, core: int | None = None) -> list[str]:
    """`requests` HTTP/1.1 requests to `url`, one at a time on each of `connections` connections."""
    pinning = ["taskset", "-c", str(core)] if core is not None else []
    return [*pinning, "h2load", "--h1", "-n", str(requests), "-c", str(connections), "-m", "1", url]


def parse(output: str) -> Result:
    """h2load's counts of requests and of 2xx answers; ValueError when the output has no such lines."""
    requests, statuses = _REQUESTS.search(output), _STATUSES.search(output)
    if requests is None or statuses is None:
        raise ValueError("h2load printed no requests: and status codes: lines")
    total, succeeded, failed = (int(value) for value in requests.groups())
    return Result(total=total, succeeded=succeeded, failed=failed, ok=int(statuses.group(1)))


def run(argv: list[str], timeout_s: float) -> Result:
    """Send the requests; BenchError when h2load is missing, hangs, or not every request got a 2xx answer."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout_s)
    except FileNotFoundError as error:
        raise BenchError("h2load is missing: install nghttp2-client") from error
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"h2load did not finish within {timeout_s:g} s") from error
    try:
        result = parse(done.stdout)
    except ValueError as error:
        raise BenchError(f"{error}: {(done.stdout + done.stderr).strip()[-400:]}") from error
    if not result.all_ok:
        raise BenchError(f"of {result.total} requests, {result.ok} got a 2xx answer and {result.failed} failed")
    return result


def version() -> str:
    done = subprocess.run(["h2load", "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip().splitlines()[0] if done.stdout.strip() else "unknown"
