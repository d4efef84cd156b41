"""Run a published snippet with its documented command, in its framework's pinned environment, and always stop it."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import time
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, free_port, http_get
from webatlas.catalogue.snippets import Snippet

STARTUP_SECONDS = 30
STOP_GRACE_SECONDS = 10


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


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the snippet's whole process group, politely first: some servers fork workers."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_GRACE_SECONDS)
    # Whatever is left (a parent past its grace period, or orphaned workers) is killed outright.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=STOP_GRACE_SECONDS)


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
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_answering(process, base_url, log)
        yield base_url, process
    finally:
        stop(process)
