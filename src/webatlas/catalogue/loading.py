"""Load `data/` and `snippets/` once into validated models; any bad value fails with one message naming file, entry and field."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from webatlas.catalogue.benchmarks.instructions import newest_instructions
from webatlas.catalogue.benchmarks.results import newest as newest_benchmarks
from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import resolve
from webatlas.catalogue.claims import CLAIMS_FILE, load_claims
from webatlas.catalogue.criteria import CRITERIA_FILE, load_criteria
from webatlas.catalogue.cross_checks import (
    check_citations,
    check_every_task_answered,
    check_install_results,
    check_reasons_name_verified_packages,
    check_recipes_prove_cells,
    check_references,
    check_snapshot,
    check_star_repositories,
    check_task_features,
    check_task_setups,
    check_unsupported_are_tasks,
)
from webatlas.catalogue.install_results import INSTALL_CHECK_FILE, load_install_check
from webatlas.catalogue.integration_results import INTEGRATION_CHECK_FILE, load_integration_check
from webatlas.catalogue.integrations import (
    INTEGRATIONS_FILE,
    check_integration_results,
    check_maintained,
    derivations,
    load_integrations,
)
from webatlas.catalogue.models import Entry, Feature, StarCount, Task, Vocabulary
from webatlas.catalogue.reading import CatalogueError, read_text, read_yaml, shown, validate
from webatlas.catalogue.serving import SERVERS_REQUIREMENTS, SERVING_DIR, ServingRecipe, check_serving
from webatlas.catalogue.snapshot import load_snapshot
from webatlas.catalogue.snippets import discover, pins


def _entry_label(raw: object, fallback: str) -> str:
    """The slug an entry gives itself, for error messages, or `fallback` when it gives none."""
    slug = raw.get("slug") if isinstance(raw, Mapping) else None
    return slug if isinstance(slug, str) else fallback


S = TypeVar("S", Entry, Feature, Task, ServingRecipe)


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


def load_star_counts(path: Path) -> list[StarCount]:
    """Read `repository,date,stars,source` rows; row numbers name the entry in errors."""
    reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
    expected = list(StarCount.model_fields)
    try:
        if reader.fieldnames != expected:
            raise CatalogueError(path, "(header)", "(columns)", f"expected columns {expected}, found {reader.fieldnames}")
        return [validate(StarCount, row, file=path, entry=f"row {number}") for number, row in enumerate(reader, start=2)]
    except csv.Error as error:
        raise CatalogueError(path, f"line {reader.line_num}", "(syntax)", f"not CSV: {error}") from None


DATA_DIR = "data"
FEATURES_FILE = f"{DATA_DIR}/features.yaml"
TASKS_FILE = f"{DATA_DIR}/tasks.yaml"
PAIRS_FILE = f"{DATA_DIR}/comparisons.yaml"
ENTRIES_DIR = f"{DATA_DIR}/catalogue"
STARS_FILE = f"{DATA_DIR}/github_stars.csv"
SNAPSHOT_FILE = f"{DATA_DIR}/pypi_snapshot.json"
SNIPPETS_DIR = "snippets"
SERVING_FILE = f"{DATA_DIR}/serving.yaml"


def load_catalogue(root: Path) -> Catalogue:
    """Load and validate `data/` and `snippets/` below the project root `root`."""
    vocabulary, features = load_vocabulary(root / FEATURES_FILE)
    tasks = load_tasks(root / TASKS_FILE)
    check_task_features(root / TASKS_FILE, tasks, features, FEATURES_FILE)
    check_task_setups(root / TASKS_FILE, tasks, root / SNIPPETS_DIR)
    entries = load_entries(root / ENTRIES_DIR, features)
    check_references(root / ENTRIES_DIR, entries)
    check_unsupported_are_tasks(root / ENTRIES_DIR, entries, tasks)
    registry = load_integrations(root / INTEGRATIONS_FILE, entries, features)
    snapshot = load_snapshot(root / SNAPSHOT_FILE)
    check_snapshot(root / SNAPSHOT_FILE, snapshot, entries, registry)
    install_check = load_install_check(root / INSTALL_CHECK_FILE)
    check_install_results(root / INSTALL_CHECK_FILE, install_check, snapshot, entries)
    star_counts = load_star_counts(root / STARS_FILE)
    check_star_repositories(root / STARS_FILE, star_counts, entries)
    snippets, environments = discover(root / SNIPPETS_DIR, entries, tasks)
    check_every_task_answered(root / TASKS_FILE, tasks, entries, snippets)
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
    check_maintained(root / INTEGRATIONS_FILE, registry, snapshot, vocabulary.maintained_within_months)
    integration_check = load_integration_check(root / INTEGRATION_CHECK_FILE)
    check_integration_results(root / INTEGRATION_CHECK_FILE, integration_check, registry, snapshot)
    serving = _load_list(root / SERVING_FILE, ServingRecipe, "server recipe")
    serving_pins = pins(root / SERVERS_REQUIREMENTS) if serving else {}
    check_serving(root / SERVING_FILE, serving, entries, root / SERVING_DIR, serving_pins)
    cells = resolve(
        entries,
        features,
        vocabulary,
        snapshot,
        lambda entry: catalogue.status_of(entry).status,
        root / ENTRIES_DIR,
        registry,
        derivations(registry, integration_check),
        serving,
        serving_pins,
    )
    check_citations(root / ENTRIES_DIR, entries, cells)
    check_recipes_prove_cells(root / ENTRIES_DIR, snippets, cells)
    check_reasons_name_verified_packages(root / ENTRIES_DIR, entries, tasks, cells)
    return replace(
        catalogue,
        cells=cells,
        integrations=registry,
        integration_check=integration_check,
        pairs=load_pairs(root / PAIRS_FILE, entries),
        benchmarks=newest_benchmarks(root),
        instruction_counts=newest_instructions(root),
        claims=load_claims(root / CLAIMS_FILE, entries, tasks),
        serving=serving,
        serving_pins=serving_pins,
    )
