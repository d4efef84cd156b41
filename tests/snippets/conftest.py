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
from webatlas import postgresql, processes
from webatlas.catalogue.snippets import Snippet

LOG_WAIT_S = 10
"""How long a server may take to write what it logs for a request: some flush their log after answering."""
LOG_POLL_S = 0.05


@dataclass(frozen=True)
class AppDatabase:
    """The database of the session's cluster that DATABASE_URL names for one snippet alone."""

    cluster: postgresql.Cluster
    name: str
    connections_at_start: int
    """The connections the snippet had open when it first answered HTTP, before any request reached it."""

    def sql(self, query: str, **variables: str) -> list[list[str]]:
        return self.cluster.sql(query, self.name, **variables)


@dataclass(frozen=True)
class App:
    """A snippet started by its documented command, a client for it, and the file that holds all it prints."""

    snippet: Snippet
    base_url: str
    client: httpx.Client
    log: Path
    pid: int
    """The process the documented command started; a server's workers are its descendants."""
    database: AppDatabase | None = None
    """For a task that needs one, the snippet's own database."""

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


def app_fixture(task: str, env: Mapping[str, str] | None = None, database: bool = False) -> Callable[..., Iterator[App]]:
    """A module-scoped fixture that starts each framework's snippet for `task` once, for all the module's tests, with
    `env` added to its environment for the settings its recipes read, and with `database` a new, empty database of the
    session's PostgreSQL cluster in DATABASE_URL."""

    @pytest.fixture(scope="module", params=snippets_for(task))
    def app(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
        snippet: Snippet = request.param
        settings = dict(env or {})
        cluster: postgresql.Cluster | None = request.getfixturevalue("cluster") if database else None
        if cluster is not None:
            settings["DATABASE_URL"] = cluster.url_for(fresh_database(cluster, snippet.entry.slug))
        with (
            running(snippet, tmp_path_factory.mktemp(f"{snippet.entry.slug}-{task}"), settings) as server,
            httpx.Client(base_url=server.base_url, timeout=30, follow_redirects=False) as client,
        ):
            own = None if cluster is None else AppDatabase(cluster, snippet.entry.slug, connections(cluster, snippet.entry.slug))
            yield App(snippet, server.base_url, client, server.log, server.process.pid, own)
        # Read once the server has stopped, so the warnings of every request and of the shutdown are in.
        problems = unexplained_warnings(server.log.read_text(errors="replace"), snippet.entry.slug)
        if own is not None:
            problems += pool_problems(snippet.entry.slug, dropped_connections(own))
        if problems:
            pytest.fail(f"{snippet.path.relative_to(ROOT)} ran into trouble:\n" + "\n".join(problems), pytrace=False)

    return app


def fresh_database(cluster: postgresql.Cluster, name: str) -> str:
    """An empty database `name`, made anew, that counts its statements and logs a client that leaves without saying so."""
    cluster.sql('DROP DATABASE IF EXISTS :"name" WITH (FORCE)', name=name)
    cluster.sql('CREATE DATABASE :"name"', name=name)
    # At debug1 a server logs "unexpected EOF on client connection" for a connection dropped without a goodbye, as
    # when a process exits with its pool still open; a pool closed at shutdown says goodbye on every connection.
    cluster.sql('ALTER DATABASE :"name" SET log_min_messages = debug1', name=name)
    cluster.sql("CREATE EXTENSION pg_stat_statements", database=name)
    return name


def connections(cluster: postgresql.Cluster, name: str) -> int:
    """How many clients the database `name` has now, besides the one asking."""
    [[count]] = cluster.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = :'name' AND pid <> pg_backend_pid()", name=name)
    return int(count)


def dropped_connections(database: AppDatabase) -> list[str]:
    """The server's log lines for connections to `database` that ended without a goodbye: a pool left open at exit."""
    deadline = time.monotonic() + LOG_WAIT_S
    # A backend writes its last line before it leaves pg_stat_activity, so once none is left the log is complete.
    while (left := connections(database.cluster, database.name)) and time.monotonic() < deadline:
        time.sleep(LOG_POLL_S)
    if left:
        return [f"{left} connections to its database were still open {LOG_WAIT_S} s after the server stopped"]
    marker = f" db={database.name} DEBUG:  unexpected EOF on client connection"
    lines = [line for line in database.cluster.log.read_text(errors="replace").splitlines() if marker in line]
    return [f"the pool was not closed at shutdown; PostgreSQL logged: {line}" for line in lines]


POOL_LEFT_OPEN = {
    "robyn": "Robyn 0.88 runs its shutdown handler on SIGINT but not on SIGTERM, the signal servers are stopped with "
    "(robyn#1324): the process never exits, so the harness kills it with its pool open.",
}
"""Frameworks whose recipe cannot close its pool when SIGTERM stops it, and why; the check then expects what happens."""


def pool_problems(framework: str, dropped: list[str]) -> list[str]:
    """What is wrong with how the framework's recipe left its database, given the connections it dropped."""
    if framework not in POOL_LEFT_OPEN:
        return dropped
    return [] if dropped else [f"{framework} closed its pool at shutdown after all: remove it from POOL_LEFT_OPEN"]


@pytest.fixture(scope="session")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[postgresql.Cluster]:
    """One throwaway PostgreSQL cluster for each test process that runs a database snippet, stopped and removed after."""
    with postgresql.running_cluster(tmp_path_factory.mktemp("postgresql")) as started:
        CLUSTERS.append(started)
        yield started


CLUSTERS: list[postgresql.Cluster] = []
"""Every cluster this test process started, for the end-of-session check that none outlived it."""


@pytest.fixture(scope="session", autouse=True)
def no_snippet_outlives_the_session() -> Iterator[None]:
    """After the last test of this process (each xdist worker has its own), no snippet it started still runs or listens."""
    yield
    found = leftovers(STARTED)
    for cluster in CLUSTERS:
        if not processes.group_is_gone(cluster.pgid) or processes.listening(cluster.port) or cluster.folder.exists():
            found.append(f"the PostgreSQL cluster on port {cluster.port} in {cluster.folder} is still there")
    assert not found, "snippets outlived their tests: " + "; ".join(found)
