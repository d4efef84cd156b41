"""One running snippet per framework and task module, reached with httpx, and a check that none outlives the session."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.helpers import ROOT
from tests.snippets.cases import snippets_for
from tests.snippets.running import STARTED, leftovers, running, unexplained_warnings
from webatlas.catalogue.snippets import Snippet

LOG_WAIT_S = 10
"""How long a server may take to write what it logs for a request: some flush their log after answering."""
LOG_POLL_S = 0.05


@dataclass(frozen=True)
class App:
    """A snippet started by its documented command, a client for it, and the file that holds all it prints."""

    snippet: Snippet
    base_url: str
    client: httpx.Client
    log: Path
    pid: int
    """The process the documented command started; a server's workers are its descendants."""

    @property
    def folder(self) -> Path:
        """The folder the snippet runs in, which holds its `static/` and `templates/`."""
        return self.snippet.path.parent

    def output_showing(self, *texts: str) -> str:
        """The server's output once it holds every one of `texts`; the test fails if it does not within LOG_WAIT_S."""
        deadline = time.monotonic() + LOG_WAIT_S
        while True:
            output = self.log.read_text(errors="replace")
            missing = [text for text in texts if text not in output]
            if not missing:
                return output
            if time.monotonic() >= deadline:
                pytest.fail(f"the server's output lacks {missing} after {LOG_WAIT_S} s; it reads:\n{output}", pytrace=False)
            time.sleep(LOG_POLL_S)


def app_fixture(task: str, env: Mapping[str, str] | None = None) -> Callable[..., Iterator[App]]:
    """A module-scoped fixture that starts each framework's snippet for `task` once, for all the module's tests, with
    `env` added to its environment for the settings its recipes read."""

    @pytest.fixture(scope="module", params=snippets_for(task))
    def app(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
        snippet: Snippet = request.param
        with (
            running(snippet, tmp_path_factory.mktemp(f"{snippet.entry.slug}-{task}"), env) as server,
            httpx.Client(base_url=server.base_url, timeout=30, follow_redirects=False) as client,
        ):
            yield App(snippet, server.base_url, client, server.log, server.process.pid)
        # Read once the server has stopped, so the warnings of every request and of the shutdown are in.
        warnings = unexplained_warnings(server.log.read_text(errors="replace"), snippet.entry.slug)
        if warnings:
            pytest.fail(f"{snippet.path.relative_to(ROOT)} ran into warnings:\n" + "\n".join(warnings), pytrace=False)

    return app


@pytest.fixture(scope="session", autouse=True)
def no_snippet_outlives_the_session() -> Iterator[None]:
    """After the last test of this process (each xdist worker has its own), no snippet it started still runs or listens."""
    yield
    found = leftovers(STARTED)
    assert not found, "snippets outlived their tests: " + "; ".join(found)
