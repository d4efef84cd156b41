"""Cells checked against a release older than the entry's latest, patch releases included, for the method page."""

from __future__ import annotations

import datetime as dt
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
    due_since: dt.date
    """When the first release newer than the one checked came out; the day of the check when that is unknown."""
    as_of: dt.date
    """The release facts' date, which the age is counted to."""

    @property
    def age(self) -> str:
        days = (self.as_of - self.due_since).days
        if days < DAYS_SHOWN_AS_DAYS:
            return f"{days} day{'' if days == 1 else 's'}"
        return f"{months_between(self.due_since, self.as_of)} months"


DAYS_SHOWN_AS_DAYS = 60
"""A younger check shows its age in days: most cells are re-checked within weeks, and "0 months" says too little."""


def _release(version: str) -> tuple[int, ...] | None:
    """A version's release numbers; None when it is no version PEP 440 can read."""
    try:
        return Version(version).release
    except InvalidVersion:
        return None


def _behind(documented: tuple[int, ...], latest: tuple[int, ...]) -> bool:
    """Whether the latest release is newer at the precision the cell states: "3.14" names the docs of every 3.14.x,
    while "2.8.7" is behind 2.8.9."""
    return latest[: len(documented)] > documented


def _newer(documented: tuple[int, ...] | None, version: str) -> bool:
    release = _release(version)
    return documented is not None and release is not None and _behind(documented, release)


def stale_cells(catalogue: Catalogue) -> list[StaleCell]:
    """Stated cells whose documented version is behind the latest release, patch releases included, oldest first."""
    stale = []
    for entry in catalogue.entries.values():
        releases = catalogue.releases_of(entry)
        latest = _release(releases.latest_release.version)
        for slug, cell in catalogue.cells[entry.slug].items():
            if cell.version is None:
                continue  # computed from other entries, so as current as they are
            documented = _release(cell.version)
            if documented is None or latest is None or _behind(documented, latest):
                newer = [release.date for release in catalogue.pypi_releases(entry) if _newer(documented, release.version)]
                due_since = min(newer, default=cell.as_of)
                stale.append(StaleCell(entry, catalogue.features[slug], cell, releases.latest_release.version, due_since, releases.as_of))
    return sorted(stale, key=lambda item: (item.cell.as_of, item.entry.name.lower(), item.feature.slug))
