"""The full comparison table: one row per entry, key facts and then every feature, each cell in words with a sort key."""

from __future__ import annotations

from dataclasses import dataclass

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import OFFERED, level_words
from webatlas.catalogue.install_results import minor
from webatlas.catalogue.models import LAYER_NAMES, Entry

SUPPORT_ORDER = (*OFFERED, "third-party", "no")
"""A feature column sorts best first; "does not apply" comes last."""


@dataclass(frozen=True)
class Column:
    key: str
    title: str


@dataclass(frozen=True)
class TableCell:
    text: str
    sort: str
    """What the column sorts by: ISO dates and zero-padded numbers sort as text."""


@dataclass(frozen=True)
class TableRow:
    slug: str
    name: str
    layer: str
    interfaces: list[str]
    status: str
    pythons: list[str]
    """The Pythons (as 3.12) its latest release installs and imports on, by the install check."""
    has: list[str]
    """The features it offers built in or through an official extension."""
    cells: list[TableCell]


FACT_COLUMNS = [
    Column("name", "Entry"),
    Column("layer", "Kind"),
    Column("interfaces", "Interfaces"),
    Column("status", "Status"),
    Column("started", "Started"),
    Column("latest", "Latest release"),
    Column("python", "Works on Python"),
]


def columns(catalogue: Catalogue) -> list[Column]:
    return [*FACT_COLUMNS, *(Column(slug, feature.name) for slug, feature in catalogue.features.items())]


def _row(catalogue: Catalogue, entry: Entry) -> TableRow:
    releases = catalogue.releases_of(entry)
    result = catalogue.install_check.results.get(entry.slug)
    pythons = [minor(python) for python in result.latest_works_on] if result else []
    latest = releases.latest_release
    status = catalogue.status_of(entry).status
    cells = [
        TableCell(LAYER_NAMES[entry.layer], entry.layer),
        TableCell(", ".join(entry.facts.interfaces.value), ", ".join(entry.facts.interfaces.value)),
        TableCell(status, status),
        TableCell(str(entry.facts.origins.value.year), str(entry.facts.origins.value.year)),
        TableCell(f"{latest.version} ({latest.date.isoformat()})", latest.date.isoformat()),
        TableCell(", ".join(pythons) if result else "not checked", pythons[-1] if pythons else ""),
    ]
    own = catalogue.cells[entry.slug]
    for slug in catalogue.features:
        cell = own.get(slug)
        words = level_words(cell) if cell else "does not apply"
        cells.append(TableCell(words, str(SUPPORT_ORDER.index(cell.support) if cell else len(SUPPORT_ORDER))))
    has = [slug for slug, cell in own.items() if cell.support in OFFERED]
    return TableRow(entry.slug, entry.name, entry.layer, list(entry.facts.interfaces.value), status, pythons, has, cells)


def rows(catalogue: Catalogue) -> list[TableRow]:
    """Every entry, by name."""
    return [_row(catalogue, entry) for entry in sorted(catalogue.entries.values(), key=lambda entry: entry.name.lower())]
