"""Transcribed rows import atomically and reproducibly beside the API's rows, which merge per repository."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.factories import write_project
from webatlas.catalogue.loading import STARS_FILE, load_catalogue
from webatlas.catalogue.models import STAR_HISTORY_SOURCE, StarCount
from webatlas.cli import main
from webatlas.maintenance.stars import to_csv, with_api_rows

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


def count(repository: str, date: str, stars: int, source: str = STAR_HISTORY_SOURCE) -> StarCount:
    return StarCount(repository=repository, date=dt.date.fromisoformat(date), stars=stars, source=source)


TRANSCRIBED = "github:someone/dataset/a.csv@abc"
ROWS = [
    count("demo/demo", "2024-01-31", 100, TRANSCRIBED),
    count("demo/demo", "2024-02-03", 104),
    count("demo/demo", "2024-02-10", 110),
    count("other/project", "2024-02-03", 7),
]


def test_merge_replaces_only_the_repositorys_api_rows() -> None:
    fetched = [count("demo/demo", "2024-02-10", 111), count("demo/demo", "2024-02-17", 115)]
    merged = with_api_rows(ROWS, "demo/demo", fetched)
    assert sorted((row.repository, row.date.isoformat(), row.stars, row.source) for row in merged) == [
        ("demo/demo", "2024-01-31", 100, TRANSCRIBED),
        ("demo/demo", "2024-02-10", 111, STAR_HISTORY_SOURCE),
        ("demo/demo", "2024-02-17", 115, STAR_HISTORY_SOURCE),
        ("other/project", "2024-02-03", 7, STAR_HISTORY_SOURCE),
    ], "the old API rows of demo/demo are gone, its transcribed row and other repositories' rows stay"


@pytest.mark.parametrize(
    "row",
    [count("other/project", "2024-02-10", 1), count("demo/demo", "2024-02-10", 1, TRANSCRIBED)],
    ids=["other-repository", "transcribed"],
)
def test_merge_refuses_rows_that_are_not_the_repositorys_api_rows(row: StarCount) -> None:
    with pytest.raises(ValueError, match="is no API row of demo/demo"):
        with_api_rows(ROWS, "demo/demo", [row])


def test_unchanged_merge_gives_identical_csv() -> None:
    again = with_api_rows(ROWS, "demo/demo", [row for row in ROWS if row.repository == "demo/demo" and row.source == STAR_HISTORY_SOURCE])
    assert to_csv(again) == to_csv(ROWS) == to_csv(reversed(ROWS))


def test_import_keeps_api_rows_and_replaces_transcribed_ones(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    stars_file = root / STARS_FILE
    stars_file.write_text(
        stars_file.read_text()
        + f"demo/demo,2024-02-03,104,{STAR_HISTORY_SOURCE}\n"
        + f"gone/repository,2024-02-03,9,{STAR_HISTORY_SOURCE}\n"
    )
    source = tmp_path / "shared.csv"
    source.write_text(SHARED)
    assert main(["--root", str(root), "import-stars", str(source)]) == 0
    assert stars_file.read_text() == (
        "repository,date,stars,source\n"
        'demo/demo,2024-01-31,100,"github:someone/dataset/a.csv@abc (row DEMO, collected_at)"\n'
        f"demo/demo,2024-02-03,104,{STAR_HISTORY_SOURCE}\n"
        "demo/demo,2024-02-29,120,github:someone/dataset/b.csv@def\n"
    ), "the old transcribed row is replaced, the API row stays, and API rows of repositories outside the catalogue go"


def test_import_refuses_a_transcribed_row_posing_as_an_api_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "project")
    source = tmp_path / "shared.csv"
    source.write_text(SHARED + f"2024-03-31,demo/demo,130,{STAR_HISTORY_SOURCE}\n")
    assert main(["--root", str(root), "import-stars", str(source)]) == 1
    assert f"source '{STAR_HISTORY_SOURCE}' is kept for the API's rows" in capsys.readouterr().err
