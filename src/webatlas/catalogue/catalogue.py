"""The `Catalogue`: everything in `data/` and `snippets/`, validated and cross-checked, and the questions pages ask of it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from webatlas.catalogue.benchmarks.instructions import InstructionSet
from webatlas.catalogue.benchmarks.results import BenchmarkSet
from webatlas.catalogue.cells import Cell, Cells
from webatlas.catalogue.claims import Claim
from webatlas.catalogue.criteria import Criteria
from webatlas.catalogue.install_results import InstallCheck, minor
from webatlas.catalogue.integration_results import IntegrationCheck
from webatlas.catalogue.integrations import IntegrationPackage
from webatlas.catalogue.models import Entry, Feature, Release, StarCount, Task, Vocabulary
from webatlas.catalogue.serving import ServingRecipe
from webatlas.catalogue.snapshot import PyPIRelease, PyPISnapshot
from webatlas.catalogue.snippets import Snippet, SnippetEnvironment
from webatlas.catalogue.status import Installability, Verdict, decide


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
    integrations: dict[str, IntegrationPackage] = field(default_factory=dict)
    """The packages of data/integrations.yaml that serve several frameworks, by name."""
    integration_check: IntegrationCheck | None = None
    """What `make check-integrations` found for each of them; `load_catalogue` fills it."""
    benchmarks: BenchmarkSet | None = None
    """The newest load benchmark set of data/benchmarks/, or None before one is committed."""
    instruction_counts: InstructionSet | None = None
    """The newest instruction-count set of data/benchmarks/instructions/, or None before one is committed."""
    claims: tuple[Claim, ...] = ()
    """Performance claims of the seed articles, set against the benchmark on /benchmarks/."""
    serving: dict[str, ServingRecipe] = field(default_factory=dict)
    """The server recipes of data/serving.yaml, by slug, in the file's order."""
    serving_pins: dict[str, str] = field(default_factory=dict)
    """The version of every distribution the server recipes are tested with, by canonical name."""

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

    def snippet_for(self, entry: Entry, task: Task) -> Snippet | None:
        """The entry's recipe for `task`, when it has one."""
        # Slugs, not models: comparing two models compares every field, which made this the build's slowest loop.
        return next((snippet for snippet in self.snippets if snippet.entry.slug == entry.slug and snippet.task.slug == task.slug), None)

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
