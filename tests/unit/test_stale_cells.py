"""The method page lists cells checked against documentation older than their entry's latest release, from the data."""

from __future__ import annotations

import json
from pathlib import Path

from tests.factories import changed, entry, write_project
from webatlas.catalogue.loading import load_catalogue
from webatlas.site.render import stale_cells as render_stale_cells
from webatlas.site.stale_cells import stale_cells


def test_a_cell_behind_the_latest_minor_release_is_due_since_the_next_release(tmp_path: Path) -> None:
    data = changed(entry(), "features.cors.version", "0.9")
    changed(data, "features.websockets.version", "1.0.7")  # a newer patch of the latest minor is current
    catalogue = load_catalogue(write_project(tmp_path, [data]))
    [stale] = stale_cells(catalogue)
    assert (stale.entry.slug, stale.feature.slug, stale.cell.version, stale.latest) == ("demo", "cors", "0.9", "1.0")
    # 1.0 came out on 2025-06-30; the snapshot is of 2026-01-15: six whole months and a half.
    assert (stale.due_since.isoformat(), stale.age) == ("2025-06-30", "6 months")
    listed = render_stale_cells(catalogue)
    assert "This cell was checked" in listed
    assert "| CORS | 0\\.9 | 1\\.0 | 2026\\-01\\-15 | 2025\\-06\\-30 (6 months) |" in listed


def test_a_patch_release_behind_is_due_and_a_minor_series_is_not(tmp_path: Path) -> None:
    data = changed(entry(), "features.cors.version", "1.0.1")
    changed(data, "features.websockets.version", "1.0")  # the docs of the 1.0 series, which 1.0.2 belongs to
    root = write_project(tmp_path, [data])
    snapshot_file = root / "data" / "pypi_snapshot.json"
    snapshot = json.loads(snapshot_file.read_text())
    snapshot["packages"]["demo"]["latest_version"] = "1.0.2"
    snapshot["packages"]["demo"]["releases"].append({"version": "1.0.2", "date": "2026-01-05", "requires_python": None})
    snapshot_file.write_text(json.dumps(snapshot))
    install_file = root / "data" / "install_check.json"
    install_file.write_text(install_file.read_text().replace('"version": "1.0"', '"version": "1.0.2"'))
    [stale] = stale_cells(load_catalogue(root))
    assert (stale.feature.slug, stale.cell.version, stale.latest, stale.due_since.isoformat(), stale.age) == (
        "cors",
        "1.0.1",
        "1.0.2",
        "2026-01-05",
        "10 days",
    )


def test_a_version_that_cannot_be_read_is_listed(tmp_path: Path) -> None:
    catalogue = load_catalogue(write_project(tmp_path, [changed(entry(), "features.cors.version", "latest docs")]))
    assert [stale.cell.version for stale in stale_cells(catalogue)] == ["latest docs"]


def test_no_stale_cell_says_so(tmp_path: Path) -> None:
    catalogue = load_catalogue(write_project(tmp_path))
    assert stale_cells(catalogue) == []
    assert "Every stated cell was checked" in render_stale_cells(catalogue)
