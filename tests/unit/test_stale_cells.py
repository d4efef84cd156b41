"""The method page lists cells checked against documentation older than their entry's latest release, from the data."""

from __future__ import annotations

from pathlib import Path

from tests.factories import changed, entry, write_project
from webatlas.catalogue.loading import load_catalogue
from webatlas.site.render import stale_cells as render_stale_cells
from webatlas.site.stale_cells import stale_cells


def test_a_cell_behind_the_latest_minor_release_is_listed_with_its_age(tmp_path: Path) -> None:
    data = changed(entry(), "features.cors.version", "0.9")
    changed(data, "features.websockets.version", "1.0.7")  # a newer patch of the latest minor is current
    catalogue = load_catalogue(write_project(tmp_path, [data]))
    [stale] = stale_cells(catalogue)
    assert (stale.entry.slug, stale.feature.slug, stale.cell.version, stale.latest) == ("demo", "cors", "0.9", "1.0")
    assert stale.months_old == 0
    listed = render_stale_cells(catalogue)
    assert "This cell was checked" in listed
    assert "| CORS | 0\\.9 | 1\\.0 | 2026\\-01\\-15 | 0 months |" in listed


def test_a_version_that_cannot_be_read_is_listed(tmp_path: Path) -> None:
    catalogue = load_catalogue(write_project(tmp_path, [changed(entry(), "features.cors.version", "latest docs")]))
    assert [stale.cell.version for stale in stale_cells(catalogue)] == ["latest docs"]


def test_no_stale_cell_says_so(tmp_path: Path) -> None:
    catalogue = load_catalogue(write_project(tmp_path))
    assert stale_cells(catalogue) == []
    assert "Every stated cell was checked" in render_stale_cells(catalogue)
