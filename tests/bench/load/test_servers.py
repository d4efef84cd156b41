"""A configuration's server starts in its environment on the server's core, and one that cannot start is reported as
that configuration's problem, while a missing environment stops the whole run."""

from __future__ import annotations

import os
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import ROOT
from webatlas.bench.errors import BenchError
from webatlas.bench.load import servers
from webatlas.bench.load.configs import raw_configurations
from webatlas.processes import group_is_gone, listening

RAW_ASGI = next(item for item in raw_configurations() if item.name == "raw-asgi/hello_text@uvicorn")


def test_a_server_answers_on_its_core_and_stops(tmp_path: Path) -> None:
    server = servers.start(RAW_ASGI, ROOT, 1, tmp_path)
    try:
        assert os.sched_getaffinity(server.process.pid) == {1}
        with urllib.request.urlopen(server.url, timeout=5) as answer:
            assert answer.read() == b"Hello, world!"
    finally:
        servers.stop(server)
    assert group_is_gone(server.process.pid) and not listening(server.port)


def test_a_server_that_exits_is_this_configurations_problem(tmp_path: Path) -> None:
    broken = replace(RAW_ASGI, command="python -c \"print('cannot import raw_asgi'); raise SystemExit(4)\"")
    with pytest.raises(servers.StartError) as raised:
        servers.start(broken, ROOT, 1, tmp_path)
    assert str(raised.value) == (
        "raw-asgi/hello_text@uvicorn did not start: exited with 4 before answering; its log ends: cannot import raw_asgi"
    )


def test_a_missing_environment_stops_the_run(tmp_path: Path) -> None:
    with pytest.raises(BenchError) as raised:
        servers.start(replace(RAW_ASGI, environment="nowhere"), ROOT, 1, tmp_path)
    assert not isinstance(raised.value, servers.StartError)
    assert str(raised.value) == "no environment .venvs/nowhere: run `make setup` first"
