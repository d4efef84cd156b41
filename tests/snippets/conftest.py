"""Start a published snippet with its documented command, in its framework's pinned environment."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import time
import urllib.error
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, free_port, http_get
from webatlas.snippets import Snippet

STARTUP_SECONDS = 30


def environment_bin(snippet: Snippet) -> Path:
    """The bin folder of the framework's isolated environment, made by `make setup`."""
    bin_dir = ROOT / ".venvs" / snippet.entry.slug / "bin"
    if not (bin_dir.parent / ".installed").exists():
        pytest.fail(f"no environment for {snippet.entry.slug}: run `make setup` to build .venvs/{snippet.entry.slug}")
    return bin_dir


def _wait_until_answering(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the snippet exited with {process.returncode} before answering:\n{log.read_text()}")
        try:
            http_get(base_url + "/", timeout=1)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    pytest.fail(f"the snippet did not answer within {STARTUP_SECONDS}s:\n{log.read_text()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the whole process group: some servers fork workers."""
    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=grace)
            os.killpg(process.pid, signal.SIGKILL)  # reap workers that outlived their parent
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[[Snippet], str]]:
    """Start a snippet exactly as its page says, on a free loopback port; return its base URL."""
    processes: list[subprocess.Popen[bytes]] = []

    def start(snippet: Snippet) -> str:
        bin_dir = environment_bin(snippet)
        port = free_port()
        argv = shlex.split(snippet.command(port=port))
        env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(bin_dir.parent)}
        env.pop("PYTHONPATH", None)
        executable = shutil.which(argv[0], path=env["PATH"])
        assert executable is not None, f"{argv[0]} is not installed in {bin_dir}"
        log = tmp_path / f"{snippet.entry.slug}-{snippet.task.slug}.log"
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
        processes.append(process)
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_answering(process, base_url, log)
        return base_url

    try:
        yield start
    finally:
        for process in processes:
            _stop(process)
