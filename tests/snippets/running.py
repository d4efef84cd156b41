"""Run a published snippet with its documented command, in its framework's pinned environment, and always stop it."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.helpers import ROOT, free_port
from webatlas.bench.load.servers import stop_group
from webatlas.catalogue.snippets import Snippet

STARTUP_SECONDS = 30


@dataclass(frozen=True)
class Started:
    """A snippet process the harness started: its process group and the port it was told to listen on."""

    pgid: int
    port: int
    name: str


STARTED: list[Started] = []
"""Every snippet this test process started, for the end-of-session check that none outlived its test."""


def environment_bin(snippet: Snippet) -> Path:
    """The bin folder of the framework's isolated environment, made by `make setup`."""
    bin_dir = ROOT / ".venvs" / snippet.entry.slug / "bin"
    if not (bin_dir.parent / ".installed").exists():
        pytest.fail(f"no environment for {snippet.entry.slug}: run `make setup` to build .venvs/{snippet.entry.slug}")
    return bin_dir


def _wait_until_answering(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    """Any HTTP answer, even a 404, means the server is up."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the snippet exited with {process.returncode} before answering:\n{log.read_text()}")
        try:
            httpx.get(base_url + "/", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail(f"the snippet did not answer within {STARTUP_SECONDS}s:\n{log.read_text()}")


def group_is_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def port_is_closed(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) != 0


def leftovers(started: list[Started]) -> list[str]:
    """The snippets whose processes are still alive or whose port still accepts connections."""
    found = []
    for item in started:
        if not group_is_gone(item.pgid):
            found.append(f"{item.name}: process group {item.pgid} is still running")
        if not port_is_closed(item.port):
            found.append(f"{item.name}: port {item.port} is still open")
    return found


@contextlib.contextmanager
def running(snippet: Snippet, log_dir: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Start `snippet` exactly as its page says, on a free loopback port; yield its base URL and process."""
    bin_dir = environment_bin(snippet)
    port = free_port()
    argv = shlex.split(snippet.command(port=port))
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(bin_dir.parent)}
    env.pop("PYTHONPATH", None)
    executable = shutil.which(argv[0], path=env["PATH"])
    assert executable is not None, f"{argv[0]} is not installed in {bin_dir}"
    log = log_dir / f"{snippet.entry.slug}-{snippet.task.slug}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [executable, *argv[1:]],
            cwd=snippet.path.parent,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    STARTED.append(Started(process.pid, port, f"{snippet.entry.slug}/{snippet.task.slug}"))
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_answering(process, base_url, log)
        yield base_url, process
    finally:
        stop_group(process)
