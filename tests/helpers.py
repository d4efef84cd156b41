"""Helpers shared by the test packages: the project root, servers run in a thread, and a machine without other Pythons."""

from __future__ import annotations

import os
import socketserver
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from threading import Thread

import pytest

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def serving_in_thread(server: socketserver.BaseServer) -> Iterator[str]:
    """Run `server` (bound to a loopback port) in a daemon thread while the block runs; yield its base URL."""
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[index]  # TCP servers' addresses are (host, port)
    finally:
        server.shutdown()
        server.server_close()


def only_the_running_python(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Put a pyenv that holds no Python first on PATH, so that the running Python is the only one found."""
    fake_pyenv = folder / "pyenv"
    fake_pyenv.write_text("#!/bin/sh\n# This machine's pyenv holds no other Python.\nexit 0\n")
    fake_pyenv.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
