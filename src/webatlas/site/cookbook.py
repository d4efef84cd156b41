"""The cookbook: every framework with recipes, by every task, with the versions each recipe was tested with."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from packaging.utils import canonicalize_name

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.models import Entry, Task
from webatlas.catalogue.snippets import Snippet

COOKBOOK_DIR = "cookbook"
"""Task pages live at `cookbook/<task>/`, the matrix at `cookbook/`."""


@dataclass(frozen=True)
class Recipe:
    """One framework's answer to one task: a tested snippet, or the reason there is none."""

    entry: Entry
    task: Task
    snippet: Snippet | None
    reason: str | None


@dataclass(frozen=True)
class Tested:
    """What a framework's recipes were tested with."""

    package: str
    version: str
    server: Entry | None
    """The catalogue server the command starts, when it is one."""
    server_version: str | None
    python: str


def frameworks(catalogue: Catalogue) -> list[Entry]:
    """Entries with a recipes runner, by name."""
    return sorted((entry for entry in catalogue.entries.values() if entry.snippets is not None), key=lambda entry: entry.name.lower())


def without_recipes(catalogue: Catalogue) -> list[Entry]:
    """Frameworks and toolkits that have no recipes, by name."""
    entries = (entry for entry in catalogue.entries.values() if entry.layer != "server" and entry.snippets is None)
    return sorted(entries, key=lambda entry: entry.name.lower())


def recipe(catalogue: Catalogue, entry: Entry, task: Task) -> Recipe:
    snippet = catalogue.snippet_for(entry, task)
    reason = entry.snippets.unsupported.get(task.slug) if entry.snippets is not None else None
    return Recipe(entry, task, snippet, reason if snippet is None else None)


def recipes_for_task(catalogue: Catalogue, task: Task) -> list[Recipe]:
    return [recipe(catalogue, entry, task) for entry in frameworks(catalogue)]


def recipes_of(catalogue: Catalogue, entry: Entry) -> list[Recipe]:
    return [recipe(catalogue, entry, task) for task in catalogue.tasks.values()]


@dataclass(frozen=True)
class Gap:
    """The tasks a framework has no recipe for that share one reason, in task order."""

    reason: str
    recipes: tuple[Recipe, ...]


def gaps_of(catalogue: Catalogue, entry: Entry) -> list[Gap]:
    """The framework's missing recipes, one gap per distinct reason, in the order of each reason's first task."""
    by_reason: dict[str, list[Recipe]] = {}
    for found in recipes_of(catalogue, entry):
        if found.reason is not None:
            by_reason.setdefault(found.reason, []).append(found)
    return [Gap(reason, tuple(recipes)) for reason, recipes in by_reason.items()]


def tested_with(catalogue: Catalogue, entry: Entry) -> Tested | None:
    """The framework's pinned version, the catalogue server its command starts with that server's pin, and the Python."""
    environment = catalogue.environments.get(entry.slug)
    chosen = catalogue.snippet_python(entry)
    if environment is None or chosen is None or entry.snippets is None:
        return None
    servers = {
        canonicalize_name(candidate.package.pypi): candidate
        for candidate in catalogue.entries.values()
        if candidate.layer == "server" and candidate.package is not None
    }
    # The server the command names, or else the one the framework's own command starts: its recommended server.
    server = servers.get(canonicalize_name(shlex.split(entry.snippets.command)[0]))
    recommended = entry.facts.servers.value.recommended if entry.facts.servers else None
    if server is None and recommended in catalogue.entries and catalogue.entries[recommended].package is not None:
        server = catalogue.entries[recommended]
    server_version = environment.pins.get(canonicalize_name(server.package.pypi)) if server and server.package else None
    return Tested(environment.package, environment.version, server, server_version, chosen[0])
