"""Run a published snippet with its documented command, in its framework's pinned environment, and always stop it."""

from __future__ import annotations

import contextlib
import shlex
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT
from webatlas import processes
from webatlas.catalogue.snippets import Snippet

STARTUP_SECONDS = 30


@dataclass(frozen=True)
class Started:
    """A snippet process the harness started: its process group and the port it was told to listen on."""

    pgid: int
    port: int
    name: str


@dataclass(frozen=True)
class Server:
    """A running snippet: where it answers, its process, and the file that holds everything it prints."""

    base_url: str
    process: subprocess.Popen[bytes]
    log: Path


STARTED: list[Started] = []
"""Every snippet this test process started, for the end-of-session check that none outlived its test."""


def leftovers(started: list[Started]) -> list[str]:
    """The snippets whose processes are still alive or whose port still accepts connections."""
    found = []
    for item in started:
        if not processes.group_is_gone(item.pgid):
            found.append(f"{item.name}: process group {item.pgid} is still running")
        if processes.listening(item.port):
            found.append(f"{item.name}: port {item.port} is still open")
    return found


@contextlib.contextmanager
def running(snippet: Snippet, log_dir: Path) -> Iterator[Server]:
    """Start `snippet` exactly as its page says, on a free loopback port, its output going to a log in `log_dir`."""
    port = processes.free_port()
    name = f"{snippet.entry.slug}/{snippet.task.slug}"
    log = log_dir / f"{snippet.entry.slug}-{snippet.task.slug}.log"
    argv = shlex.split(snippet.command(port=port))
    try:
        command = processes.environment_command(ROOT, snippet.entry.slug, argv, cwd=snippet.path.parent, log=log)
    except processes.ProcessError as error:
        # Only the message: the error it replaces would say the same once more.
        raise pytest.fail.Exception(str(error), pytrace=False) from None
    with contextlib.ExitStack() as stack:
        try:
            process = stack.enter_context(
                processes.running(
                    command,
                    lambda: processes.answers_http(port),
                    STARTUP_SECONDS,
                    on_start=lambda started: STARTED.append(Started(started.pid, port, name)),
                )
            )
        except processes.NotAnswering as error:
            raise pytest.fail.Exception(f"the snippet {error.reason}:\n{log.read_text()}", pytrace=False) from None
        yield Server(f"http://127.0.0.1:{port}", process, log)
