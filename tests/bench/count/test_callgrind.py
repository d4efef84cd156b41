"""Reading callgrind's dumps, and waiting for every process of a server to write its whole dump."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest

from webatlas.bench.count import callgrind

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_dump_counts_the_instructions_of_its_summary_line() -> None:
    # Recorded from Uvicorn's raw app after zeroing and 1,000 requests; callgrind_annotate reported 123,243,703.
    text = (FIXTURES / "callgrind.out.30291.1").read_text(encoding="utf-8")
    assert callgrind.instructions(text) == 123_243_703


def test_a_dump_cut_short_before_its_summary_is_refused() -> None:
    with pytest.raises(ValueError, match="no summary: line"):
        callgrind.instructions("# callgrind format\nversion: 1\nevents: Ir\n")


def test_the_server_and_every_process_it_starts_run_under_callgrind() -> None:
    assert callgrind.wrap(["uvicorn", "app:app"], Path("/out")) == [
        "valgrind",
        "--tool=callgrind",
        "--trace-children=yes",
        "--callgrind-out-file=/out/callgrind.out.%p",
        "uvicorn",
        "app:app",
    ]


def dump_file(summary: int) -> str:
    return f"# callgrind format\nevents: Ir\nsummary: {summary}\n\nfn=(1) main\n1 {summary}\n\ntotals: {summary}\n"


def test_a_dump_waits_for_each_process_to_finish_writing_and_sums_them(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked: list[tuple[str, list[int]]] = []

    def control(action: str, pids: list[int]) -> None:
        asked.append((action, list(pids)))

        def write() -> None:
            # Each process writes its dump a little later, the first one in two steps: the harness must wait for both.
            whole = dump_file(100)
            (tmp_path / "callgrind.out.11.3").write_text(whole[: whole.index("summary")])
            time.sleep(0.2)
            (tmp_path / "callgrind.out.11.3").write_text(whole)
            (tmp_path / "callgrind.out.12.3").write_text(dump_file(250))

        threading.Thread(target=write).start()

    monkeypatch.setattr(callgrind, "_control", control)
    assert callgrind.dump([11, 12], tmp_path, 3) == 350
    assert asked == [("--dump", [11, 12])]


def test_a_process_that_writes_no_dump_fails_the_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(callgrind, "_control", lambda action, pids: None)
    monkeypatch.setattr(callgrind, "DUMP_WAIT_S", 0.2)
    with pytest.raises(callgrind.BenchError, match=re.escape("process 11 wrote no whole dump callgrind.out.11.1")):
        callgrind.dump([11], tmp_path, 1)
