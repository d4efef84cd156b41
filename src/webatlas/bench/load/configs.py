"""Every configuration the load benchmark times: each framework's snippets on one shared server setup per interface,
frameworks with their own server on it as documented, and raw apps with no framework on each server."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from webatlas.catalogue.benchmarks.scenarios import HEADLINE, SCENARIOS, Scenario
from webatlas.catalogue.benchmarks.server_setups import GUNICORN, RAW_APPS, RAW_SERVERS, SERVERS_ENVIRONMENT, UVICORN
from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.snippets import Snippet


@dataclass(frozen=True)
class Configuration:
    """One server running one app, ready to be started on a port and timed on one path."""

    subject: str
    """An entry slug, or raw-asgi / raw-wsgi for the apps with no framework."""
    scenario: Scenario
    server: str
    """uvicorn, gunicorn, hypercorn, granian, daphne, or `own` for a framework's own server."""
    environment: str
    """The folder under .venvs/ whose bin/ holds the server."""
    folder: Path
    """Where the server starts, so that the module is importable."""
    command: str
    """The shell command, with {port} left to fill."""

    @property
    def name(self) -> str:
        return f"{self.subject}/{self.scenario.task}@{self.server}"

    def argv(self, port: int) -> list[str]:
        return shlex.split(self.command.replace("{port}", str(port)))


def _app_target(snippet: Snippet) -> str:
    """`module:attribute` as the documented command names it, else as the runner states it, else `app`."""
    runner = snippet.entry.snippets
    assert runner is not None  # snippets come only from entries with a runner
    match = re.search(r"\{module\}:(\w+)", runner.command)
    return f"{snippet.path.stem}:{match.group(1) if match else runner.application or 'app'}"


def framework_configurations(catalogue: Catalogue, scenarios: tuple[Scenario, ...] = SCENARIOS) -> list[Configuration]:
    """Each snippet of a timed task: under the shared Uvicorn setup if it speaks ASGI, else the shared Gunicorn one if
    it speaks WSGI, and also on its own server, with its documented command, if it has one."""
    tasks = {scenario.task: scenario for scenario in scenarios}
    found = []
    for snippet in sorted(catalogue.snippets, key=lambda snippet: (snippet.entry.slug, snippet.task.slug)):
        scenario = tasks.get(snippet.task.slug)
        if scenario is None:
            continue
        interfaces = snippet.entry.facts.interfaces.value
        slug, folder = snippet.entry.slug, snippet.path.parent
        shared = UVICORN if "ASGI" in interfaces else GUNICORN if "WSGI" in interfaces else None
        if shared is not None:
            server = "uvicorn" if shared == UVICORN else "gunicorn"
            found.append(Configuration(slug, scenario, server, slug, folder, shared.replace("{target}", _app_target(snippet))))
        if "own" in interfaces:
            assert snippet.entry.snippets is not None  # discover pairs files only with runnable entries
            documented = snippet.entry.snippets.command.format(module=snippet.path.stem, port="{port}")
            found.append(Configuration(slug, scenario, "own", slug, folder, documented))
    return found


def raw_configurations() -> list[Configuration]:
    """The raw ASGI and WSGI apps on every server, answering the headline scenario."""
    found = []
    for (interface, server), command in RAW_SERVERS.items():
        target = command.replace("{target}", f"raw_{interface.lower()}:app")
        found.append(Configuration(f"raw-{interface.lower()}", HEADLINE, server, SERVERS_ENVIRONMENT, RAW_APPS, target))
    return found
