"""`mkdocs serve` rebuilds when the data or a snippet changes, so a contributor sees edits at once."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.building import copy_project, offline_env
from webatlas.processes import free_port
from webatlas.site.render import templates_dir

REBUILD_SECONDS = 60


@pytest.fixture
def served_copy(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the project served by `mkdocs serve` on a free loopback port."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=offline_env(tmp_path / "network.log"),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield project, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _wait_for(url: str, text: str) -> str:
    deadline = time.monotonic() + REBUILD_SECONDS
    body = ""
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.TransportError):
            body = httpx.get(url, timeout=2).text
        if text in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {text!r}")


def test_serve_rebuilds_on_data_and_snippet_changes(served_copy: tuple[Path, str]) -> None:
    project, base_url = served_copy
    page = f"{base_url}/catalogue/aiohttp/"
    _wait_for(page, "aiohttp")

    entry = project / "data" / "catalogue" / "aiohttp.yaml"
    entry.write_text(entry.read_text().replace("\nname: aiohttp\n", "\nname: aiohttp edited while serving\n", 1))
    _wait_for(page, "aiohttp edited while serving")

    snippet = project / "snippets" / "aiohttp" / "hello_text.py"
    snippet.write_text(snippet.read_text() + "\n# edited while serving\n")
    _wait_for(f"{base_url}/cookbook/hello_text/", "# edited while serving")


def test_serve_also_watches_the_templates(served_copy: tuple[Path, str]) -> None:
    project, base_url = served_copy
    _wait_for(base_url + "/", "Async Python Web Atlas")
    log = (project.parent / "serve.log").read_text()
    watching = next(line for line in log.splitlines() if "Watching paths for changes:" in line)
    for watched in ("'data'", "'snippets'", f"'{templates_dir()}'"):
        assert watched in watching, f"{watched} is not watched"
