"""Cells checked against documentation older than the entry's latest release, for the method page."""

from __future__ import annotations

from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import Cell
from webatlas.catalogue.models import Entry, Feature
from webatlas.catalogue.status import months_between


@dataclass(frozen=True)
class StaleCell:
    entry: Entry
    feature: Feature
    cell: Cell
    latest: str
    months_old: int
    """Months from the day the cell was checked to the release facts' as-of date."""


def _feature_release(version: str) -> tuple[int, int] | None:
    """Major and minor of a version; None when it is no version PEP 440 can read."""
    try:
        release = Version(version).release
    except InvalidVersion:
        return None
    return release[0], release[1] if len(release) > 1 else 0


def stale_cells(catalogue: Catalogue) -> list[StaleCell]:
    """Stated cells whose documented version is behind the latest release at the major or minor level, oldest first."""
    stale = []
    for entry in catalogue.entries.values():
        releases = catalogue.releases_of(entry)
        latest = _feature_release(releases.latest_release.version)
        for slug, cell in catalogue.cells[entry.slug].items():
            if cell.version is None:
                continue  # computed from other entries, so as current as they are
            documented = _feature_release(cell.version)
            if documented is None or latest is None or documented < latest:
                months = months_between(cell.as_of, releases.as_of)
                stale.append(StaleCell(entry, catalogue.features[slug], cell, releases.latest_release.version, months))
    return sorted(stale, key=lambda item: (item.cell.as_of, item.entry.name.lower(), item.feature.slug))
