"""Helpers shared by the test packages: the project root and servers run in a thread."""

from __future__ import annotations

import socketserver
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from threading import Thread

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
