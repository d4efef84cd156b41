"""Find the code samples in `snippets/`, the command that runs each, and the version each is tested with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from webatlas.catalogue.models import Entry, Task
from webatlas.catalogue.reading import CatalogueError

DOCUMENTED_PORT = 8000
"""The port the site shows in commands; tests substitute a free one."""

REQUIREMENTS = "requirements.txt"
"""Each snippet folder pins its own isolated environment in this file."""


@dataclass(frozen=True)
class Snippet:
    """One task solved in one framework: a runnable file and the command that starts it."""

    entry: Entry
    task: Task
    path: Path

    @property
    def include_path(self) -> str:
        """Path relative to `snippets/`, as pages include it."""
        return f"{self.entry.slug}/{self.path.name}"

    def command(self, port: int = DOCUMENTED_PORT) -> str:
        """The shell command that serves this snippet, run from its folder."""
        assert self.entry.snippets is not None  # discover_snippets only pairs files with runnable entries
        return self.entry.snippets.command.format(module=self.path.stem, port=port)


@dataclass(frozen=True)
class SnippetEnvironment:
    """The pinned environment a framework's snippets are tested in."""

    entry: Entry
    version: str
    pins: dict[str, str]
    """Every pinned distribution, by normalised name, with its version."""

    @property
    def package(self) -> str:
        """The distribution whose pinned version the site reports."""
        assert self.entry.package is not None  # entries with snippets have a package, see Entry
        return self.entry.package.pypi


def pins(requirements: Path) -> dict[str, str]:
    """Every `name==version` line of `requirements`, by normalised name."""
    found = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\s*([A-Za-z0-9._-]+)(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)", line)
        if match:
            found[normalise(match.group(1))] = match.group(2)
    return found


def pinned_version(requirements: Path, package: str) -> str:
    """The exact version `requirements` pins for `package`."""
    version = pins(requirements).get(normalise(package))
    if version is None:
        raise CatalogueError(requirements, package, "(pin)", f"no '{package}==VERSION' line")
    return version


def normalise(name: str) -> str:
    """A distribution name as PyPI compares names."""
    return re.sub(r"[-_.]+", "-", name).lower()


def discover(snippets_dir: Path, entries: dict[str, Entry], tasks: dict[str, Task]) -> tuple[list[Snippet], dict[str, SnippetEnvironment]]:
    """Pair every snippet file with its entry and task; stray folders or files fail loudly."""
    snippets: list[Snippet] = []
    environments: dict[str, SnippetEnvironment] = {}
    for folder in sorted(path for path in snippets_dir.iterdir() if path.is_dir() and not path.name.startswith((".", "_"))):
        entry = entries.get(folder.name)
        if entry is None:
            raise CatalogueError(folder, folder.name, "(folder)", "no catalogue entry has this slug")
        if entry.snippets is None:
            raise CatalogueError(folder, entry.slug, "snippets", "the entry has snippets but no 'snippets' runner in its catalogue file")
        requirements = folder / REQUIREMENTS
        if not requirements.is_file():
            raise CatalogueError(folder, entry.slug, REQUIREMENTS, "missing: each snippet folder pins its own environment")
        assert entry.package is not None  # Entry refuses snippets without a package
        environments[entry.slug] = SnippetEnvironment(
            entry=entry, version=pinned_version(requirements, entry.package.pypi), pins=pins(requirements)
        )
        for path in sorted(folder.glob("*.py")):
            task = tasks.get(path.stem)
            if task is None:
                raise CatalogueError(path, entry.slug, "(task)", f"'{path.stem}' is not a task in data/tasks.yaml")
            if task.slug in entry.snippets.unsupported:
                raise CatalogueError(path, entry.slug, f"snippets.unsupported.{task.slug}", "the task has a snippet, so it is supported")
            snippets.append(Snippet(entry=entry, task=task, path=path))
        for slug in entry.snippets.unsupported:
            if slug not in tasks:
                raise CatalogueError(folder, entry.slug, f"snippets.unsupported.{slug}", f"'{slug}' is not a task in data/tasks.yaml")
    return snippets, environments
