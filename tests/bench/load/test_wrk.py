"""wrk's report read back from real runs recorded on a loopback server (fixtures/record.py), and the argv that starts it."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.helpers import serving_in_thread
from webatlas.bench.errors import BenchError
from webatlas.bench.load.wrk import WrkOutputError, WrkResult, command, parse, run
from webatlas.processes import free_port

FIXTURES = Path(__file__).parent / "fixtures"
NO_ERRORS = {"connect": 0, "read": 0, "write": 0, "timeout": 0}
KB, MB, GB = 1024, 1024**2, 1024**3


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Recorded:
    name: str
    expected: WrkResult


RECORDED = [
    Recorded(
        "clean_ms.txt",
        WrkResult(3574, 2.10, 1701.58, 2.19e-3, 3.20e-3, 4.49e-3, NO_ERRORS, 0, round(666.82 * KB)),
    ),
    Recorded(
        "clean_us.txt",
        WrkResult(23193, 2.10, 11043.67, 82e-6, 116e-6, 515e-6, NO_ERRORS, 0, round(1.46 * MB)),
    ),
    Recorded(
        "non_2xx.txt",
        WrkResult(4390, 2.00, 2194.72, 1.72e-3, 2.34e-3, 3.25e-3, NO_ERRORS, 4390, round(2.18 * MB)),
    ),
    Recorded(
        "big_body.txt",
        WrkResult(1226, 3.00, 408.38, 4.51e-3, 6.70e-3, 9.10e-3, NO_ERRORS, 0, round(4.80 * GB)),
    ),
    # Seconds: wrk prints "1.20s " with a trailing space, its column padding for a one-letter unit.
    Recorded("slow_s.txt", WrkResult(6, 4.01, 1.50, 1.20, 1.20, 1.20, NO_ERRORS, 0, 396)),
    # Answers slower than --timeout count as requests and timeouts, but wrk times none of them.
    Recorded(
        "timeouts.txt",
        WrkResult(4, 4.01, 1.00, 0.0, 0.0, 0.0, {**NO_ERRORS, "timeout": 4}, 0, 264),
    ),
    # Every connection reset by the server: no response at all, only read and write errors.
    Recorded(
        "socket_errors.txt",
        WrkResult(0, 2.10, 0.0, 0.0, 0.0, 0.0, {**NO_ERRORS, "read": 15814, "write": 75854}, 0, 0),
    ),
]


@pytest.mark.parametrize("recorded", RECORDED, ids=lambda recorded: recorded.name)
def test_parse_reads_every_number_of_a_recorded_run(recorded: Recorded) -> None:
    result = parse(fixture(recorded.name))
    expected = recorded.expected
    assert result.requests == expected.requests
    assert result.duration_s == pytest.approx(expected.duration_s)
    assert result.requests_per_s == pytest.approx(expected.requests_per_s)
    assert result.latency_p50_s == pytest.approx(expected.latency_p50_s)
    assert result.latency_p90_s == pytest.approx(expected.latency_p90_s)
    assert result.latency_p99_s == pytest.approx(expected.latency_p99_s)
    assert result.socket_errors == expected.socket_errors
    assert result.non_2xx_3xx == expected.non_2xx_3xx
    assert result.transfer_bytes == expected.transfer_bytes


def test_errors_add_up_the_socket_errors() -> None:
    assert parse(fixture("socket_errors.txt")).errors == 15814 + 75854
    assert parse(fixture("timeouts.txt")).errors == 4
    assert parse(fixture("clean_ms.txt")).errors == 0


def test_the_transfer_uses_binary_multiples() -> None:
    assert parse(fixture("clean_ms.txt")).transfer_bytes == 682824  # 666.82 * 1024, rounded


def test_minutes_are_read_as_sixty_seconds() -> None:
    # wrk switches to minutes past 51 s; no test should wait that long, so the unit is edited in.
    text = fixture("slow_s.txt").replace("     99%    1.20s \n", "     99%    1.50m\n")
    assert parse(text).latency_p99_s == pytest.approx(90.0)


def test_garbage_names_every_missing_part_and_quotes_the_output() -> None:
    with pytest.raises(WrkOutputError) as raised:
        parse("unable to parse\nsecond line\n")
    message = str(raised.value)
    assert "Latency Distribution" in message
    assert "requests in" in message
    assert "Requests/sec" in message
    assert "unable to parse\nsecond line" in message
    assert isinstance(raised.value, BenchError)


def test_a_run_without_latency_asks_for_it() -> None:
    lines = fixture("clean_ms.txt").splitlines(keepends=True)
    without = "".join(line for line in lines if "Latency Distribution" not in line and "%    " not in line)
    with pytest.raises(WrkOutputError, match="--latency") as raised:
        parse(without)
    named = str(raised.value).partition("It began")[0]
    assert "requests in" not in named


def test_a_missing_percentile_is_named() -> None:
    text = fixture("clean_ms.txt").replace("     99%    4.49ms\n", "")
    with pytest.raises(WrkOutputError, match="the 99% line"):
        parse(text)


def test_a_unit_wrk_never_prints_is_refused() -> None:
    text = fixture("slow_s.txt").replace("     50%    1.20s \n", "     50%    1.20h\n")
    with pytest.raises(WrkOutputError, match="the 50% line"):
        parse(text)


def test_the_output_is_quoted_only_from_its_start() -> None:
    text = "\n".join(f"line {n}" for n in range(100))
    with pytest.raises(WrkOutputError) as raised:
        parse(text)
    assert "line 7" in str(raised.value)
    assert "line 8" not in str(raised.value)


def test_command_runs_wrk_with_latency_in_whole_seconds() -> None:
    assert command("http://127.0.0.1:8000/plain", connections=64, duration_s=5) == [
        "wrk",
        "--latency",
        "--threads",
        "1",
        "--connections",
        "64",
        "--duration",
        "5s",
        "--timeout",
        "10s",
        "http://127.0.0.1:8000/plain",
    ]


def test_command_pins_wrk_to_a_core() -> None:
    argv = command("http://127.0.0.1:8000/", connections=8, duration_s=10.0, threads=2, core=1, timeout_s=3)
    assert argv[:3] == ["taskset", "-c", "1"]
    assert argv[3:] == command("http://127.0.0.1:8000/", connections=8, duration_s=10, threads=2, timeout_s=3)
    assert argv[argv.index("--threads") + 1] == "2"
    assert argv[argv.index("--timeout") + 1] == "3s"


@pytest.mark.parametrize(
    "arguments",
    [
        {"connections": 4, "duration_s": 0.5},
        {"connections": 4, "duration_s": 1.5},
        {"connections": 4, "duration_s": 0},
        {"connections": 4, "duration_s": 5, "timeout_s": 0.5},
        {"connections": 1, "duration_s": 5, "threads": 2},
        {"connections": 0, "duration_s": 5, "threads": 0},
        {"connections": 4, "duration_s": 5, "core": -1},
    ],
)
def test_command_refuses_what_wrk_would_reject_or_round(arguments: dict[str, int | float]) -> None:
    with pytest.raises(ValueError):
        command("http://127.0.0.1:8000/", **arguments)  # type: ignore[arg-type]


def test_run_reports_a_missing_program() -> None:
    with pytest.raises(BenchError, match="not installed"):
        run(["webatlas-no-such-wrk", "--latency"], timeout_s=10)


def test_run_reports_a_failed_run_with_its_stderr() -> None:
    argv = [sys.executable, "-c", "import sys; print('usage', file=sys.stderr); sys.exit(3)"]
    with pytest.raises(BenchError, match="status 3") as raised:
        run(argv, timeout_s=30)
    assert "usage" in str(raised.value)


def test_run_reports_output_that_is_not_a_report_with_its_stderr() -> None:
    argv = [sys.executable, "-c", "import sys; print('hello'); print('warning: odd', file=sys.stderr)"]
    with pytest.raises(WrkOutputError) as raised:
        run(argv, timeout_s=30)
    assert "hello" in str(raised.value)
    assert "warning: odd" in str(raised.value)


def test_run_stops_a_program_that_runs_too_long() -> None:
    with pytest.raises(BenchError, match="longer than"):
        run([sys.executable, "-c", "import time; time.sleep(30)"], timeout_s=0.5)


@pytest.fixture
def wrk_installed() -> None:
    """The load benchmark needs wrk; a machine without it fails here, loudly, rather than skipping."""
    if shutil.which("wrk") is None:
        pytest.fail("wrk is not installed: apt-get install -y wrk (.ci/run does)", pytrace=False)


@pytest.fixture
def file_server(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "hello.txt").write_text("hello\n", encoding="utf-8")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """No access log in the test output."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(tmp_path)))
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]  # wrk hangs up when its time is up
    with serving_in_thread(server) as url:
        yield url


@pytest.mark.usefixtures("wrk_installed")
def test_run_times_a_real_server(file_server: str) -> None:
    result = run(command(f"{file_server}/hello.txt", connections=2, duration_s=1), timeout_s=60)
    assert result.requests > 0
    assert result.non_2xx_3xx == 0
    assert result.latency_p50_s > 0
    # Python's file server answers with "HTTP/1.0 200 OK" and a handful of headers: well over 6 bytes each.
    assert result.transfer_bytes > 6 * result.requests


@pytest.mark.usefixtures("wrk_installed")
def test_run_reports_a_refused_connection() -> None:
    with pytest.raises(BenchError, match="Connection refused"):
        run(command(f"http://127.0.0.1:{free_port()}/", connections=1, duration_s=1), timeout_s=60)
