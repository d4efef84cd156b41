"""Load `data/` once into validated models; any bad value fails with one message naming file, entry and field."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from webatlas.bench.load.results import BenchmarkSet
from webatlas.bench.load.results import newest as newest_benchmarks
from webatlas.catalogue.cells import Cell, Cells, resolve
from webatlas.catalogue.claims import CLAIMS_FILE, Claim, load_claims
from webatlas.catalogue.criteria import CRITERIA_FILE, Criteria, load_criteria
from webatlas.catalogue.install_results import INSTALL_CHECK_FILE, InstallCheck, load_install_check, minor
from webatlas.catalogue.models import Entry, Feature, Release, StarCount, Task, Vocabulary
from webatlas.catalogue.prose import citations, prose_fields
from webatlas.catalogue.reading import CatalogueError, read_yaml, shown, validate
from webatlas.catalogue.snapshot import PyPIRelease, PyPISnapshot, load_snapshot
from webatlas.catalogue.snippets import Snippet, SnippetEnvironment, discover
from webatlas.catalogue.status import Installability, Verdict, decide


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


def _validate_list(path: Path, raw: object, model: type[S], kind: str) -> dict[str, S]:
    if not isinstance(raw, list):
        raise CatalogueError(path, "(file)", "(top level)", f"expected a list of {kind}s")
    items = [validate(model, item, file=path, entry=_entry_label(item, f"#{index + 1}")) for index, item in enumerate(raw)]
    return _unique(items, [path] * len(items), kind)


def _load_list(path: Path, model: type[S], kind: str) -> dict[str, S]:
    return _validate_list(path, read_yaml(path), model, kind)


def load_vocabulary(path: Path) -> tuple[Vocabulary, dict[str, Feature]]:
    """The support levels and the features, each feature validated on its own so an error names it."""
    vocabulary = validate(Vocabulary, read_yaml(path), file=path, entry="(vocabulary)")
    return vocabulary, _validate_list(path, vocabulary.features, Feature, "feature")


def load_features(path: Path) -> dict[str, Feature]:
    return load_vocabulary(path)[1]


def load_tasks(path: Path) -> dict[str, Task]:
    return _load_list(path, Task, "task")


def load_pairs(path: Path, entries: Mapping[str, Entry]) -> tuple[tuple[str, str], ...]:
    """The pairs of entries that get a comparison page of their own, each two known, different slugs, listed once."""
    raw = read_yaml(path)
    if not isinstance(raw, list):
        raise CatalogueError(path, "(file)", "(top level)", "expected a list of pairs of entry slugs")
    pairs: list[tuple[str, str]] = []
    for number, item in enumerate(raw, start=1):
        label = f"pair #{number}"
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(slug, str) for slug in item)):
            raise CatalogueError(path, label, "(pair)", f"expected two entry slugs, got {item!r}")
        for field_name, slug in zip(("first", "second"), item, strict=True):
            if slug not in entries:
                raise CatalogueError(path, label, field_name, f"{slug!r} is no catalogue entry")
        first, second = item
        if first == second:
            raise CatalogueError(path, label, "second", f"compares {first!r} with itself")
        if {first, second} in [set(pair) for pair in pairs]:
            raise CatalogueError(path, label, "(pair)", f"{first} and {second} are already compared")
        pairs.append((first, second))
    return tuple(pairs)


def load_entries(directory: Path, features: Mapping[str, Feature]) -> dict[str, Entry]:
    """Load one entry per YAML file in `directory`, checking features against the vocabulary."""
    context = {
        "features": {slug: frozenset(feature.layers) for slug, feature in features.items()},
        "server_provided": frozenset(slug for slug, feature in features.items() if feature.provided_by == "server"),
    }
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise CatalogueError(directory, "(none)", "(files)", "no catalogue entries found")
    entries = []
    for file in files:
        raw = read_yaml(file)
        entry = validate(Entry, raw, file=file, entry=_entry_label(raw, file.stem), context=context)
        if entry.slug != file.stem:
            raise CatalogueError(file, entry.slug, "slug", f"the file of entry {entry.slug!r} must be named {entry.slug}.yaml")
        entries.append(entry)
    return _unique(entries, files, "entry")


def check_references(directory: Path, entries: Mapping[str, Entry]) -> None:
    """Every `built_on` names another entry, and every server an entry runs on is a catalogue server."""
    for slug, entry in entries.items():
        file = directory / f"{slug}.yaml"
        for base in entry.facts.built_on.value:
            if base not in entries or base == slug:
                raise CatalogueError(file, slug, "facts.built_on.value", f"{base!r} is not another catalogue entry")
        servers = entry.facts.servers
        for field_name in ("runs_on", "supervised_by"):
            for server in getattr(servers.value, field_name) if servers else []:
                if server not in entries or entries[server].layer != "server":
                    raise CatalogueError(file, slug, f"facts.servers.value.{field_name}", f"{server!r} is not a catalogue server")
    for slug in entries:
        if cycle := _cycle_from(slug, entries, ()):
            raise CatalogueError(directory / f"{slug}.yaml", slug, "facts.built_on.value", f"built_on forms a cycle: {' -> '.join(cycle)}")


def _cycle_from(slug: str, entries: Mapping[str, Entry], path: tuple[str, ...]) -> tuple[str, ...]:
    """The first `built_on` path from `slug` back to an entry already on `path`, or () when there is none."""
    if slug in path:
        return (*path, slug)
    for base in entries[slug].facts.built_on.value:
        if cycle := _cycle_from(base, entries, (*path, slug)):
            return cycle
    return ()


def snapshot_packages(entries: Mapping[str, Entry]) -> dict[str, str]:
    """Every PyPI package the snapshot covers -> the first entry that needs it: catalogue packages, then packages cells rely on."""
    packages = {entry.package.pypi: slug for slug, entry in entries.items() if entry.package}
    for slug, entry in entries.items():
        for name in entry.relied_on_packages:
            packages.setdefault(name, slug)
    return packages


def check_snapshot(path: Path, snapshot: PyPISnapshot, entries: Mapping[str, Entry]) -> None:
    """The snapshot holds exactly the catalogue's PyPI packages and the packages its cells rely on."""
    packages = snapshot_packages(entries)
    for name, slug in packages.items():
        if name not in snapshot.packages:
            raise CatalogueError(path, slug, "packages", f"no snapshot of {name!r}: run `make refresh`")
    for name in snapshot.packages:
        if name not in packages:
            raise CatalogueError(path, name, "packages", "no catalogue entry has or relies on this package: run `make refresh`")


def check_install_results(path: Path, results: InstallCheck, snapshot: PyPISnapshot, entries: Mapping[str, Entry]) -> None:
    """The install check covers every PyPI entry, and checked the release the snapshot calls latest."""
    for slug, entry in entries.items():
        result = results.results.get(slug)
        if entry.package is None:
            if result is not None:
                raise CatalogueError(path, slug, "results", "the entry has no PyPI package to check: run `make check-installs`")
            continue
        if result is None or result.package != entry.package.pypi:
            raise CatalogueError(path, slug, "results", f"no install check of {entry.package.pypi!r}: run `make check-installs`")
        latest = snapshot.packages[entry.package.pypi].latest_version
        if result.latest_version != latest:
            problem = f"checked {result.latest_version}, but the PyPI snapshot's latest is {latest}: run `make check-installs`"
            raise CatalogueError(path, slug, "results.pythons", problem)
    for slug in results.results:
        if slug not in entries:
            raise CatalogueError(path, slug, "results", "no catalogue entry has this slug: run `make check-installs`")


def load_star_counts(path: Path) -> list[StarCount]:
    """Read `repository,date,stars,source` rows; row numbers name the entry in errors."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        expected = list(StarCount.model_fields)
        if reader.fieldnames != expected:
            raise CatalogueError(path, "(header)", "(columns)", f"expected columns {expected}, found {reader.fieldnames}")
        return [validate(StarCount, row, file=path, entry=f"row {number}") for number, row in enumerate(reader, start=2)]


@dataclass(frozen=True)
class ReleaseFacts:
    """An entry's release facts, from the PyPI snapshot or, for entries not on PyPI, as stated."""

    first_release: Release
    latest_release: Release
    release_count: int
    requires_python: str | None
    source: str
    as_of: dt.date


@dataclass(frozen=True)
class Catalogue:
    """Everything in `data/` and `snippets/`, validated and cross-checked."""

    entries: dict[str, Entry]
    features: dict[str, Feature]
    tasks: dict[str, Task]
    star_counts: list[StarCount]
    snapshot: PyPISnapshot
    install_check: InstallCheck
    snippets: list[Snippet]
    environments: dict[str, SnippetEnvironment]
    vocabulary: Vocabulary
    criteria: Criteria
    """What the picker at /choose/ ranks and by which criteria."""
    cells: Cells = field(default_factory=dict)
    """Every entry's resolved feature cells; `load_catalogue` fills it."""
    pairs: tuple[tuple[str, str], ...] = ()
    """Slugs of the entries compared on pages of their own, as data/comparisons.yaml lists them."""
    benchmarks: BenchmarkSet | None = None
    """The newest load benchmark set of data/benchmarks/, or None before one is committed."""
    claims: tuple[Claim, ...] = ()
    """Performance claims of the seed articles, set against the benchmark on /benchmarks/."""

    def cell(self, entry: Entry, feature: str) -> Cell:
        return self.cells[entry.slug][feature]

    def releases_of(self, entry: Entry) -> ReleaseFacts:
        if entry.package is None:
            assert entry.facts.releases is not None  # Entry requires one or the other
            stated = entry.facts.releases
            return ReleaseFacts(**dict(stated.value), source=stated.source, as_of=stated.as_of)
        package = self.snapshot.packages[entry.package.pypi]
        return ReleaseFacts(
            first_release=package.first_release,
            latest_release=package.latest_release,
            release_count=package.release_count,
            requires_python=package.requires_python,
            source=package.source,
            as_of=self.snapshot.as_of,
        )

    def pypi_releases(self, entry: Entry) -> list[PyPIRelease]:
        """Every release of the entry's package, oldest first; empty for entries not on PyPI."""
        return self.snapshot.packages[entry.package.pypi].releases if entry.package else []

    def dependents_of(self, entry: Entry) -> list[Entry]:
        """Entries built on `entry`, by name."""
        dependents = (other for other in self.entries.values() if entry.slug in other.facts.built_on.value)
        return sorted(dependents, key=lambda other: other.name.lower())

    def installability_of(self, entry: Entry) -> Installability | None:
        """The install check's verdict on the latest release, or None for an entry not on PyPI."""
        result = self.install_check.results.get(entry.slug)
        if entry.package is None or result is None:
            return None
        return Installability(
            version=result.latest_version,
            works_on=result.latest_works_on,
            checked_on=[minor(python) for python in self.install_check.pythons],
            source=f"https://pypi.org/project/{entry.package.pypi}/{result.latest_version}/#files",
            as_of=self.install_check.checked_on,
        )

    def status_of(self, entry: Entry) -> Verdict:
        releases = self.releases_of(entry)
        return decide(entry, releases.latest_release.date, releases.source, releases.as_of, self.installability_of(entry))

    def snippet_python(self, entry: Entry) -> tuple[str, str] | None:
        """(Python, version) the entry's snippets run on: the newest Python the check found a release working on."""
        result = self.install_check.results.get(entry.slug)
        return result.newest_working if result is not None else None

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
PAIRS_FILE = f"{DATA_DIR}/comparisons.yaml"
ENTRIES_DIR = f"{DATA_DIR}/catalogue"
STARS_FILE = f"{DATA_DIR}/github_stars.csv"
SNAPSHOT_FILE = f"{DATA_DIR}/pypi_snapshot.json"
SNIPPETS_DIR = "snippets"


def load_catalogue(root: Path) -> Catalogue:
    """Load and validate `data/` and `snippets/` below the project root `root`."""
    vocabulary, features = load_vocabulary(root / FEATURES_FILE)
    tasks = load_tasks(root / TASKS_FILE)
    for task in tasks.values():
        if task.demonstrates is not None and task.demonstrates not in features:
            problem = f"{task.demonstrates!r} is not a feature of {FEATURES_FILE}"
            raise CatalogueError(root / TASKS_FILE, task.slug, "demonstrates", problem)
    entries = load_entries(root / ENTRIES_DIR, features)
    check_references(root / ENTRIES_DIR, entries)
    snapshot = load_snapshot(root / SNAPSHOT_FILE)
    check_snapshot(root / SNAPSHOT_FILE, snapshot, entries)
    install_check = load_install_check(root / INSTALL_CHECK_FILE)
    check_install_results(root / INSTALL_CHECK_FILE, install_check, snapshot, entries)
    star_counts = load_star_counts(root / STARS_FILE)
    known_repos = {entry.github_repo for entry in entries.values()}
    for number, count in enumerate(star_counts, start=2):
        if count.repository not in known_repos:
            raise CatalogueError(
                root / STARS_FILE, f"row {number}", "repository", f"{count.repository!r} is no catalogue entry's repository"
            )
    snippets, environments = discover(root / SNIPPETS_DIR, entries, tasks)
    catalogue = Catalogue(
        vocabulary=vocabulary,
        criteria=load_criteria(root / CRITERIA_FILE, features),
        entries=entries,
        features=features,
        tasks=tasks,
        star_counts=star_counts,
        snapshot=snapshot,
        install_check=install_check,
        snippets=snippets,
        environments=environments,
    )
    cells = resolve(entries, features, vocabulary, snapshot, lambda entry: catalogue.status_of(entry).status, root / ENTRIES_DIR)
    check_citations(root / ENTRIES_DIR, entries, cells)
    check_recipes_prove_cells(root / ENTRIES_DIR, entries, tasks, snippets, cells)
    return replace(
        catalogue,
        cells=cells,
        pairs=load_pairs(root / PAIRS_FILE, entries),
        benchmarks=newest_benchmarks(root),
        claims=load_claims(root / CLAIMS_FILE, entries, tasks),
    )


PROVEN_LEVELS = ("built-in", "official-extension")
"""Levels a cookbook recipe must back up, for an entry that has recipes."""


def check_recipes_prove_cells(
    directory: Path, entries: Mapping[str, Entry], tasks: Mapping[str, Task], snippets: list[Snippet], cells: Cells
) -> None:
    """A cell that claims a feature a task demonstrates has that task's recipe, or a reason why not; a cell that says no has none."""
    written = {(snippet.entry.slug, snippet.task.slug) for snippet in snippets}
    for slug, entry in entries.items():
        if entry.snippets is None:
            continue
        for task in tasks.values():
            if task.demonstrates is None:
                continue
            support = cells[slug][task.demonstrates].support
            has_recipe = (slug, task.slug) in written
            if support in PROVEN_LEVELS and not has_recipe and task.slug not in entry.snippets.unsupported:
                problem = f"the {task.demonstrates} cell says {support}: snippets/{slug}/{task.slug}.py must prove it, or say here why not"
                raise CatalogueError(directory / f"{slug}.yaml", slug, f"snippets.unsupported.{task.slug}", problem)
            if support == "no" and has_recipe:
                problem = f"snippets/{slug}/{task.slug}.py does {task.demonstrates}, which this cell says it cannot: one of them is wrong"
                raise CatalogueError(directory / f"{slug}.yaml", slug, f"features.{task.demonstrates}", problem)


def check_citations(directory: Path, entries: Mapping[str, Entry], cells: Cells) -> None:
    """Every `[[slug:feature]]` in prose names a cell that exists."""
    for slug, entry in entries.items():
        for field_name, text in prose_fields(entry):
            for cited, feature in citations(text):
                if feature not in cells.get(cited, {}):
                    problem = f"cites [[{cited}:{feature}]], but no catalogue entry {cited!r} has a cell for {feature!r}"
                    raise CatalogueError(directory / f"{slug}.yaml", slug, field_name, problem)
