"""The harness stops a snippet and all its processes even when the test using it fails, and notices one that survives."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.snippets.cases import CATALOGUE
from tests.snippets.running import Started, leftovers, running
from webatlas.processes import free_port, group_is_gone, stop


@pytest.mark.parametrize("slug", sorted(CATALOGUE.environments))
def test_a_failing_test_still_stops_the_snippet(tmp_path: Path, slug: str) -> None:
    snippet = next(snippet for snippet in CATALOGUE.snippets if snippet.entry.slug == slug)
    with pytest.raises(AssertionError, match="the test failed"), running(snippet, tmp_path) as server:
        assert httpx.get(server.base_url + "/").status_code < 500
        raise AssertionError("the test failed")
    assert server.process.returncode is not None
    assert group_is_gone(server.process.pid), "a process of the snippet outlived it"
    with pytest.raises(httpx.TransportError):
        httpx.get(server.base_url + "/", timeout=2)


def test_a_server_left_running_is_reported() -> None:
    port = free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    started = [Started(process.pid, port, "left/running")]
    try:
        deadline = time.monotonic() + 10
        while len(leftovers(started)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        expected = [f"left/running: process group {process.pid} is still running", f"left/running: port {port} is still open"]
        assert leftovers(started) == expected
    finally:
        stop(process)
    assert leftovers(started) == []
