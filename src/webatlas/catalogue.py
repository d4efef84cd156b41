"""Load `data/` once into validated models; any bad value fails with one message naming file, entry and field."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from webatlas.loading import CatalogueError, read_yaml, shown, validate
from webatlas.models import Entry, Feature, StarCount, Task
from webatlas.snippets import Snippet, SnippetEnvironment, discover


def _entry_label(raw: object, fallback: str) -> str:
    """The slug an entry gives itself, for error messages, or `fallback` when it gives none."""
    slug = raw.get("slug") if isinstance(raw, Mapping) else None
    return slug if isinstance(slug, str) else fallback


S = TypeVar("S", Entry, Feature, Task)


def _unique(items: Sequence[S], files: Sequence[Path], kind: str) -> dict[str, S]:
    """Index items by slug, failing on the second use of a slug."""
    by_slug: dict[str, S] = {}
    first_file: dict[str, Path] = {}
    for item, file in zip(items, files, strict=True):
        slug = item.slug
        if slug in by_slug:
            raise CatalogueError(file, slug, "slug", f"duplicate {kind} slug, first used in {shown(first_file[slug])}")
        by_slug[slug], first_file[slug] = item, file
    return by_slug


def _load_list(path: Path, model: type[S], kind: str) -> dict[str, S]:
    raw = read_yaml(path)
    if not isinstance(raw, list):
        raise CatalogueError(path, "(file)", "(top level)", f"expected a list of {kind}s")
    items = [validate(model, item, file=path, entry=_entry_label(item, f"#{index + 1}")) for index, item in enumerate(raw)]
    return _unique(items, [path] * len(items), kind)


def load_features(path: Path) -> dict[str, Feature]:
    return _load_list(path, Feature, "feature")


def load_tasks(path: Path) -> dict[str, Task]:
    return _load_list(path, Task, "task")


def load_entries(directory: Path, features: Iterable[str]) -> dict[str, Entry]:
    """Load one entry per YAML file in `directory`, checking features against the vocabulary."""
    context = {"features": frozenset(features)}
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise CatalogueError(directory, "(none)", "(files)", "no catalogue entries found")
    entries = []
    for file in files:
        raw = read_yaml(file)
        entries.append(validate(Entry, raw, file=file, entry=_entry_label(raw, file.stem), context=context))
    return _unique(entries, files, "entry")


def load_star_counts(path: Path) -> list[StarCount]:
    """Read `repository,date,stars,source` rows; row numbers name the entry in errors."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        expected = list(StarCount.model_fields)
        if reader.fieldnames != expected:
            raise CatalogueError(path, "(header)", "(columns)", f"expected columns {expected}, found {reader.fieldnames}")
        return [validate(StarCount, row, file=path, entry=f"row {number}") for number, row in enumerate(reader, start=2)]


@dataclass(frozen=True)
class Catalogue:
    """Everything in `data/` and `snippets/`, validated and cross-checked."""

    entries: dict[str, Entry]
    features: dict[str, Feature]
    tasks: dict[str, Task]
    star_counts: list[StarCount]
    snippets: list[Snippet]
    environments: dict[str, SnippetEnvironment]

    def snippets_of(self, entry: Entry) -> list[Snippet]:
        """The entry's snippets in the order of data/tasks.yaml."""
        order = list(self.tasks)
        return sorted((snippet for snippet in self.snippets if snippet.entry == entry), key=lambda snippet: order.index(snippet.task.slug))

    @cached_property
    def _stars_by_repository(self) -> dict[str, list[StarCount]]:
        by_repository: dict[str, list[StarCount]] = defaultdict(list)
        for count in sorted(self.star_counts, key=lambda count: count.date):
            by_repository[count.repository].append(count)
        return by_repository

    def stars_of(self, entry: Entry) -> list[StarCount]:
        """The entry's star counts, oldest first."""
        return self._stars_by_repository.get(entry.github_repo or "", [])

    def entries_by_layer(self, layer: str) -> list[Entry]:
        return sorted((entry for entry in self.entries.values() if entry.layer == layer), key=lambda entry: entry.name.lower())


DATA_DIR = "data"
FEATURES_FILE = f"{DATA_DIR}/features.yaml"
TASKS_FILE = f"{DATA_DIR}/tasks.yaml"
ENTRIES_DIR = f"{DATA_DIR}/catalogue"
STARS_FILE = f"{DATA_DIR}/github_stars.csv"
SNIPPETS_DIR = "snippets"


def load_catalogue(root: Path) -> Catalogue:
    """Load and validate `data/` and `snippets/` below the project root `root`."""
    features = load_features(root / FEATURES_FILE)
    tasks = load_tasks(root / TASKS_FILE)
    entries = load_entries(root / ENTRIES_DIR, features)
    star_counts = load_star_counts(root / STARS_FILE)
    known_repos = {entry.github_repo for entry in entries.values()}
    for number, count in enumerate(star_counts, start=2):
        if count.repository not in known_repos:
            raise CatalogueError(
                root / STARS_FILE, f"row {number}", "repository", f"{count.repository!r} is no catalogue entry's repository"
            )
    snippets, environments = discover(root / SNIPPETS_DIR, entries, tasks)
    return Catalogue(
        entries=entries,
        features=features,
        tasks=tasks,
        star_counts=star_counts,
        snippets=snippets,
        environments=environments,
    )
