"""`webatlas import-stars` keeps the catalogue's rows, validates them, and writes atomically and reproducibly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import write_project
from webatlas.catalogue import STARS_FILE, load_catalogue
from webatlas.cli import main

SHARED = """date,repo,stars,source
2024-02-29,demo/demo,120,github:someone/dataset/b.csv@def
2024-01-31,demo/demo,100,"github:someone/dataset/a.csv@abc (row DEMO, collected_at)"
2024-01-31,other/project,5,github:someone/dataset/a.csv@abc
"""


def test_import_keeps_catalogue_rows_sorted_with_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "project")
    source = tmp_path / "shared.csv"
    source.write_text(SHARED)
    assert main(["--root", str(root), "import-stars", str(source)]) == 0
    assert (root / STARS_FILE).read_text() == (
        "repository,date,stars,source\n"
        'demo/demo,2024-01-31,100,"github:someone/dataset/a.csv@abc (row DEMO, collected_at)"\n'
        "demo/demo,2024-02-29,120,github:someone/dataset/b.csv@def\n"
    )
    assert "2 rows, updated" in capsys.readouterr().out
    catalogue = load_catalogue(root)
    assert [count.dataset for count in catalogue.stars_of(catalogue.entries["demo"])] == ["someone/dataset"] * 2


def test_import_again_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "project")
    source = tmp_path / "shared.csv"
    source.write_text(SHARED)
    main(["--root", str(root), "import-stars", str(source)])
    before = (root / STARS_FILE).stat().st_mtime_ns
    assert main(["--root", str(root), "import-stars", str(source)]) == 0
    assert "already up to date" in capsys.readouterr().out
    assert (root / STARS_FILE).stat().st_mtime_ns == before


def test_bad_row_leaves_data_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "project")
    before = (root / STARS_FILE).read_text()
    source = tmp_path / "shared.csv"
    source.write_text(SHARED + "2024-13-31,demo/demo,130,github:someone/dataset/c.csv@123\n")
    assert main(["--root", str(root), "import-stars", str(source)]) == 1
    error = capsys.readouterr().err
    assert "shared.csv: entry 'row 5': field 'date'" in error
    assert "is unchanged" in error
    assert (root / STARS_FILE).read_text() == before
    assert [path.name for path in (root / "data").iterdir() if path.name.startswith(".")] == [], "no temporary file is left"
