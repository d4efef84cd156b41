"""Fixtures shared by the build and browser tests: one offline build of the whole site per session, and a server for it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.building import Build, mkdocs_build
from tests.helpers import ROOT, free_port


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session with the network refused."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("build") / "site")
    assert build.returncode == 0, build.output
    return build


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without writing a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Drop the access log."""


@contextmanager
def served(directory: Path) -> Iterator[str]:
    """`directory` served over HTTP on a free loopback port while the block runs; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), partial(QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, name=f"serve-{directory.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_url(built_site: Build) -> Iterator[str]:
    """The built site served over HTTP on a free loopback port, for the whole session."""
    with served(built_site.site_dir) as url:
        yield url
