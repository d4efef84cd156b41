"""One running snippet per framework and task module, reached with httpx, and a check that none outlives the session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.snippets.cases import snippets_for
from tests.snippets.running import STARTED, leftovers, running
from webatlas.catalogue.snippets import Snippet


@dataclass(frozen=True)
class App:
    """A snippet started by its documented command, and a client for it."""

    snippet: Snippet
    base_url: str
    client: httpx.Client

    @property
    def folder(self) -> Path:
        """The folder the snippet runs in, which holds its `static/` and `templates/`."""
        return self.snippet.path.parent


def app_fixture(task: str) -> Callable[..., Iterator[App]]:
    """A module-scoped fixture that starts each framework's snippet for `task` once, for all the module's tests."""

    @pytest.fixture(scope="module", params=snippets_for(task))
    def app(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
        snippet: Snippet = request.param
        with (
            running(snippet, tmp_path_factory.mktemp(f"{snippet.entry.slug}-{task}")) as (base_url, _),
            httpx.Client(base_url=base_url, timeout=30, follow_redirects=False) as client,
        ):
            yield App(snippet, base_url, client)

    return app


@pytest.fixture(scope="session", autouse=True)
def no_snippet_outlives_the_session() -> Iterator[None]:
    """After the last test of this process (each xdist worker has its own), no snippet it started still runs or listens."""
    yield
    found = leftovers(STARTED)
    assert not found, "snippets outlived their tests: " + "; ".join(found)
