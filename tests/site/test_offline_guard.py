"""The guard that the build tests run under really refuses non-loopback connections, and only those."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from tests.building import offline_env

CONNECT = "import socket, sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=2).close()"


def _connect(tmp_path: Path, host: str, port: int) -> tuple[int, list[str]]:
    log = tmp_path / "network.log"
    log.write_text("")
    result = subprocess.run(
        [sys.executable, "-c", CONNECT, host, str(port)], env=offline_env(log), capture_output=True, text=True, timeout=30
    )
    return result.returncode, log.read_text().splitlines()


def test_guard_refuses_an_outside_address(tmp_path: Path) -> None:
    # 192.0.2.1 is reserved for documentation (RFC 5737): the guard refuses before any packet is sent.
    returncode, attempts = _connect(tmp_path, "192.0.2.1", 80)
    assert returncode != 0
    assert attempts == ["connect ('192.0.2.1', 80)"]


def test_guard_refuses_name_lookups(tmp_path: Path) -> None:
    returncode, attempts = _connect(tmp_path, "pypi.org", 443)
    assert returncode != 0
    assert attempts == ["resolve 'pypi.org'"]


def test_guard_allows_loopback(tmp_path: Path) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        returncode, attempts = _connect(tmp_path, "127.0.0.1", server.getsockname()[1])
    assert (returncode, attempts) == (0, [])
