"""The rows of a side-by-side table of 2 to 4 entries: key facts, then every feature that applies to any of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import Cell, level_words
from webatlas.catalogue.models import LAYER_NAMES, Entry, Feature, Task


@dataclass(frozen=True)
class FactRow:
    label: str
    values: tuple[str, ...]

    @property
    def same(self) -> bool:
        return len(set(self.values)) == 1


@dataclass(frozen=True)
class FeatureCell:
    """One entry's cell for one feature, and the cookbook recipe that shows it, when there is one."""

    cell: Cell
    recipe_task: Task | None


@dataclass(frozen=True)
class FeatureRow:
    feature: Feature
    cells: tuple[FeatureCell | None, ...]
    """None where the feature does not apply to the entry's layer."""

    @property
    def same(self) -> bool:
        """Every entry is judged on the feature and offers it the same way."""
        return None not in self.cells and len({level_words(cell.cell) for cell in self.cells if cell}) == 1


def _names(catalogue: Catalogue, slugs: Sequence[str]) -> str:
    return ", ".join(catalogue.entries[slug].name for slug in slugs) or "none in the catalogue"


def fact_rows(catalogue: Catalogue, entries: Sequence[Entry]) -> list[FactRow]:
    """What kind of project each is, how old, how it is released and licensed, and its status."""
    releases = [catalogue.releases_of(entry) for entry in entries]
    columns: dict[str, list[str]] = {
        "Kind": [LAYER_NAMES[entry.layer] for entry in entries],
        "Interfaces": [", ".join(entry.facts.interfaces.value) for entry in entries],
        "Built on": [_names(catalogue, entry.facts.built_on.value) for entry in entries],
        "Project started": [str(entry.facts.origins.value.year) for entry in entries],
        "First PyPI upload": [
            facts.first_release.date.isoformat() if entry.package else "not on PyPI" for entry, facts in zip(entries, releases, strict=True)
        ],
        "Latest release": [f"{facts.latest_release.version} ({facts.latest_release.date.isoformat()})" for facts in releases],
        "Licence": [entry.facts.licence.value for entry in entries],
        "Python": [facts.requires_python or "not declared" for facts in releases],
        "Status": [catalogue.status_of(entry).status for entry in entries],
    }
    return [FactRow(label, tuple(values)) for label, values in columns.items()]


def _recipe_task(catalogue: Catalogue, entry: Entry, feature: Feature) -> Task | None:
    """The cookbook task whose passing recipe for `entry` proves `feature`, if the entry has one."""
    order = list(catalogue.tasks)
    # Slugs, not models, for the same reason as in Catalogue.snippet_for.
    proving = [snippet for snippet in catalogue.snippets if snippet.entry.slug == entry.slug and feature.slug in snippet.features]
    return min(proving, key=lambda snippet: order.index(snippet.task.slug)).task if proving else None


def cell_for(catalogue: Catalogue, entry: Entry, feature: Feature) -> FeatureCell | None:
    """The entry's cell for the feature with its recipe, or None when the feature does not apply to its layer."""
    if feature.slug not in catalogue.cells[entry.slug]:
        return None
    return FeatureCell(catalogue.cell(entry, feature.slug), _recipe_task(catalogue, entry, feature))


def feature_rows(catalogue: Catalogue, entries: Sequence[Entry]) -> list[FeatureRow]:
    """Every feature of the vocabulary that applies to the layer of at least one entry, in vocabulary order."""
    layers = {entry.layer for entry in entries}
    return [
        FeatureRow(feature, tuple(cell_for(catalogue, entry, feature) for entry in entries))
        for feature in catalogue.features.values()
        if layers & set(feature.layers)
    ]
