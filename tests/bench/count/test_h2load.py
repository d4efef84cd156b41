"""h2load's command line and its report, read from recorded runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from webatlas.bench.count import h2load
from webatlas.bench.errors import BenchError

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_command_sends_an_exact_number_of_http1_requests_one_at_a_time_per_connection() -> None:
    assert h2load.command("http://127.0.0.1:9/", requests=200, connections=4, core=1) == [
        *("taskset", "-c", "1"),
        *("h2load", "--h1", "-n", "200", "-c", "4", "-m", "1", "http://127.0.0.1:9/"),
    ]


def test_a_run_where_every_request_was_answered_is_read() -> None:
    result = h2load.parse((FIXTURES / "h2load-ok.txt").read_text(encoding="utf-8"))
    assert result == h2load.Result(total=20, succeeded=20, failed=0, ok=20)
    assert result.all_ok


def test_a_run_against_a_closed_port_is_read_as_failed() -> None:
    result = h2load.parse((FIXTURES / "h2load-refused.txt").read_text(encoding="utf-8"))
    assert result == h2load.Result(total=20, succeeded=0, failed=20, ok=0)
    assert not result.all_ok


def test_a_report_without_its_counts_is_refused() -> None:
    with pytest.raises(ValueError, match="no requests: and status codes: lines"):
        h2load.parse("finished in 2.45ms\n")


def test_running_fails_unless_every_request_got_a_2xx_answer() -> None:
    assert h2load.run(["cat", str(FIXTURES / "h2load-ok.txt")], timeout_s=10).ok == 20
    with pytest.raises(BenchError, match="of 20 requests, 0 got a 2xx answer and 20 failed"):
        h2load.run(["cat", str(FIXTURES / "h2load-refused.txt")], timeout_s=10)
