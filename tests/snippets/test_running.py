"""The harness stops a snippet and all its processes even when the test using it fails, notices one that survives,
and catches the warnings a snippet runs into."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.snippets.cases import CATALOGUE
from tests.snippets.conftest import POOL_LEFT_OPEN, pool_problems
from tests.snippets.running import Started, leftovers, running, unexplained_warnings
from webatlas.processes import free_port, group_is_gone, stop


@pytest.mark.parametrize("slug", sorted(CATALOGUE.environments))
def test_a_failing_test_still_stops_the_snippet(tmp_path: Path, slug: str) -> None:
    # Its first task in data/tasks.yaml's order: the early tasks read no settings from the environment.
    order = list(CATALOGUE.tasks)
    snippet = min((snippet for snippet in CATALOGUE.snippets if snippet.entry.slug == slug), key=lambda found: order.index(found.task.slug))
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


RECIPE = "/srv/snippets/litestar/json_body.py:14: DeprecationWarning: the old parameter style is deprecated"
UVLOOP = "/venv/lib/python3.13/site-packages/uvloop/__init__.py:154: DeprecationWarning: uvloop.install() is deprecated"
DJANGO_SYNC = "/venv/lib/python3.13/site-packages/django/core/handlers/asgi.py:326: Warning: StreamingHttpResponse must consume"
DJANGO_OTHER = "/venv/lib/python3.13/site-packages/django/core/handlers/asgi.py:90: DeprecationWarning: something else"
LOG = "\n".join(
    ["INFO: Started server process [4242]", RECIPE, "  def create(data: dict) -> dict:", UVLOOP, DJANGO_SYNC, DJANGO_OTHER, "GET /a.py 200"]
)


@pytest.mark.parametrize(
    ("framework", "expected"),
    [
        ("starlette", [RECIPE, UVLOOP, DJANGO_SYNC, DJANGO_OTHER]),
        ("robyn", [RECIPE, DJANGO_SYNC, DJANGO_OTHER]),
        # Django's plain Warning from its ASGI handler is known; another category from the same file is not.
        ("django", [RECIPE, UVLOOP, DJANGO_OTHER]),
    ],
)
def test_only_a_frameworks_own_unavoidable_warnings_are_let_through(framework: str, expected: list[str]) -> None:
    assert unexplained_warnings(LOG, framework) == expected


def test_a_recipe_calling_a_deprecated_api_shows_it_in_its_log(tmp_path: Path) -> None:
    snippet = next(snippet for snippet in CATALOGUE.snippets if snippet.entry.slug == "starlette" and snippet.task.slug == "hello_text")
    copy = tmp_path / snippet.path.name
    # Python hides a DeprecationWarning raised outside __main__ unless the harness asks for it.
    copy.write_text(snippet.path.read_text() + '\nimport warnings\nwarnings.warn("old call", DeprecationWarning)\n')
    with running(dataclasses.replace(snippet, path=copy), tmp_path) as server:
        assert httpx.get(server.base_url + "/").status_code == 200
    line = len(copy.read_text().splitlines())
    assert unexplained_warnings(server.log.read_text(), "starlette") == [f"{copy}:{line}: DeprecationWarning: old call"]


def test_a_pool_left_open_fails_unless_the_framework_is_known_for_it() -> None:
    dropped = ["the pool was not closed at shutdown; PostgreSQL logged: ... unexpected EOF on client connection"]
    assert pool_problems("starlette", dropped) == dropped
    assert pool_problems("starlette", []) == []
    assert "robyn" in POOL_LEFT_OPEN
    assert pool_problems("robyn", dropped) == []
    assert pool_problems("robyn", []) == ["robyn closed its pool at shutdown after all: remove it from POOL_LEFT_OPEN"]
