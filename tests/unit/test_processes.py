"""The one way the benchmark and the tests run a server: started in its environment, waited for until it answers,
and stopped with every process of its group, however the wait or the block ends."""

from __future__ import annotations

import os
import signal
import socketserver
import subprocess
import sys
import textwrap
import time
import urllib.request
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.helpers import serving_in_thread
from webatlas import processes
from webatlas.processes import Command, answers_http, free_port, group_is_gone, listening

SERVE = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1"]
"""A real HTTP server, given its port as the last argument; it serves the folder it runs in."""


def command(tmp_path: Path, argv: list[str], core: int | None = None) -> Command:
    return Command(argv, cwd=tmp_path, env=dict(os.environ), log=tmp_path / "process.log", core=core)


def script(tmp_path: Path, text: str) -> list[str]:
    """A Python program written to `tmp_path`, as a command that runs it."""
    path = tmp_path / "program.py"
    path.write_text(textwrap.dedent(text))
    return [sys.executable, str(path)]


def assert_all_stopped(process: subprocess.Popen[bytes], port: int) -> None:
    assert process.returncode is not None, "the leader was not reaped"
    assert group_is_gone(process.pid), "a process of its group still runs"
    assert not listening(port), "its port still accepts connections"


def test_a_server_answers_from_its_folder_then_is_stopped_with_its_port(tmp_path: Path) -> None:
    (tmp_path / "hello.txt").write_text("hello from the folder")
    port = free_port()
    with processes.running(command(tmp_path, [*SERVE, str(port)]), lambda: answers_http(port), 30) as process:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/hello.txt", timeout=5) as answer:
            assert answer.read() == b"hello from the folder"
        assert not group_is_gone(process.pid)
    assert_all_stopped(process, port)
    assert process.returncode == -signal.SIGTERM, "it was asked to stop, not killed"


def test_the_process_is_stopped_when_the_block_fails(tmp_path: Path) -> None:
    port = free_port()
    with (
        pytest.raises(AssertionError, match="the test failed"),
        processes.running(command(tmp_path, [*SERVE, str(port)]), lambda: answers_http(port), 30) as process,
    ):
        raise AssertionError("the test failed")
    assert_all_stopped(process, port)


def test_a_process_that_exits_before_answering_fails_with_the_end_of_its_log(tmp_path: Path) -> None:
    program = script(
        tmp_path,
        """
        for number in range(1000):
            print(f"warning {number:04}")
        print("address already in use")
        raise SystemExit(3)
        """,
    )
    port = free_port()
    started: list[subprocess.Popen[bytes]] = []
    with pytest.raises(processes.NotAnswering) as raised:
        processes.start_answering(command(tmp_path, program), lambda: answers_http(port), 30, on_start=started.append)
    message = str(raised.value)
    assert message.startswith("exited with 3 before answering; its log ends: ")
    assert message.endswith("warning 0999\naddress already in use")
    assert "warning 0000" not in message, "the whole log, pages of warnings, should not be quoted"
    assert raised.value.reason == "exited with 3 before answering"
    assert started[0].returncode == 3


def test_a_process_that_never_answers_fails_at_the_deadline_and_is_stopped(tmp_path: Path) -> None:
    port = free_port()
    program = script(tmp_path, 'print("starting", flush=True)\nimport time\ntime.sleep(300)\n')
    started: list[subprocess.Popen[bytes]] = []
    before = time.monotonic()
    with (
        pytest.raises(processes.NotAnswering, match=r"^did not answer within 1 s; its log ends: starting$"),
        processes.running(command(tmp_path, program), lambda: answers_http(port), 1, on_start=started.append),
    ):
        raise AssertionError("the block ran although the process never answered")
    assert time.monotonic() - before >= 1
    assert_all_stopped(started[0], port)


def test_an_interrupted_wait_still_stops_the_process(tmp_path: Path) -> None:
    port = free_port()
    started: list[subprocess.Popen[bytes]] = []

    def interrupted() -> bool:
        if not listening(port):
            return False
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        processes.start_answering(command(tmp_path, [*SERVE, str(port)]), interrupted, 30, on_start=started.append)
    assert_all_stopped(started[0], port)


def test_a_child_of_the_process_is_stopped_with_it(tmp_path: Path) -> None:
    """The server is the child of the started process, as Gunicorn's and Uvicorn's workers are; it shares its group."""
    port = free_port()
    program = script(
        tmp_path,
        f"""
        import subprocess, sys
        subprocess.run({[*SERVE, str(port)]!r})
        """,
    )
    with processes.running(command(tmp_path, program), lambda: answers_http(port), 30) as process:
        pass
    assert_all_stopped(process, port)


def test_what_ignores_sigterm_is_killed_after_the_grace_period(tmp_path: Path) -> None:
    port = free_port()
    program = script(
        tmp_path,
        f"""
        import signal, subprocess, sys
        # An ignored signal stays ignored across exec, so the server started next ignores SIGTERM; only this parent,
        # which takes the default again, stops when asked.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        server = subprocess.Popen({[*SERVE, str(port)]!r})
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        server.wait()
        """,
    )
    process = processes.start_answering(command(tmp_path, program), lambda: answers_http(port), 30)
    processes.stop(process, grace_s=1)
    assert_all_stopped(process, port)
    assert process.returncode == -signal.SIGTERM


def test_a_pinned_process_runs_on_its_core_only(tmp_path: Path) -> None:
    port = free_port()
    with processes.running(command(tmp_path, [*SERVE, str(port)], core=0), lambda: answers_http(port), 30) as process:
        assert os.sched_getaffinity(process.pid) == {0}


class Refusing(BaseHTTPRequestHandler):
    """An HTTP server that is up and says so with an error status."""

    def do_GET(self) -> None:
        self.send_error(503)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Silent(socketserver.BaseRequestHandler):
    """A TCP server that accepts connections and closes them without a word: listening, but not answering HTTP."""

    def handle(self) -> None:
        pass


def test_any_http_status_is_an_answer_and_a_bare_tcp_accept_is_not() -> None:
    with serving_in_thread(socketserver.TCPServer(("127.0.0.1", 0), Refusing)) as url:
        port = int(url.rsplit(":", 1)[1])
        assert answers_http(port) and listening(port)
    with serving_in_thread(socketserver.TCPServer(("127.0.0.1", 0), Silent)) as url:
        port = int(url.rsplit(":", 1)[1])
        assert listening(port) and not answers_http(port)
    assert not listening(port) and not answers_http(port)


def test_a_command_runs_with_its_environment_activated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    environment = tmp_path / ".venvs" / "demo"
    (environment / "bin").mkdir(parents=True)
    (environment / ".installed").touch()
    greet = environment / "bin" / "greet"
    greet.write_text('#!/bin/sh\necho "$GREETING from $VIRTUAL_ENV, PYTHONPATH=${PYTHONPATH:-unset}"\n')
    greet.chmod(0o755)
    monkeypatch.setenv("PYTHONPATH", "/somewhere/else")
    log = tmp_path / "greet.log"
    command = processes.environment_command(tmp_path, "demo", ["env", "GREETING=hello", "greet"], cwd=tmp_path, log=log)
    assert command.argv == ["env", "GREETING=hello", str(greet)]
    assert command.env["PATH"].startswith(f"{environment / 'bin'}{os.pathsep}")
    # It exits at once without answering anything: the failure carries what it wrote.
    with pytest.raises(processes.NotAnswering, match=f"its log ends: hello from {environment}, PYTHONPATH=unset$"):
        processes.start_answering(command, lambda: False, 30)


def test_a_missing_environment_says_how_to_build_it(tmp_path: Path) -> None:
    (tmp_path / ".venvs" / "half-built" / "bin").mkdir(parents=True)
    for name in ("absent", "half-built"):
        with pytest.raises(processes.MissingEnvironment) as raised:
            processes.environment_bin(tmp_path, name)
        assert str(raised.value) == f"no environment .venvs/{name}: run `make setup` first"


def test_a_program_missing_from_the_environment_is_named(tmp_path: Path) -> None:
    (tmp_path / ".venvs" / "demo" / "bin").mkdir(parents=True)
    (tmp_path / ".venvs" / "demo" / ".installed").touch()
    with pytest.raises(processes.MissingProgram) as raised:
        processes.environment_command(tmp_path, "demo", ["no-such-server", "--port", "1"], cwd=tmp_path, log=tmp_path / "log")
    assert str(raised.value) == f"no-such-server is not installed in {tmp_path / '.venvs' / 'demo' / 'bin'}"
