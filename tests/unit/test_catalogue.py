"""The catalogue loads valid data, and each kind of bad data fails with one message naming file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import changed, entry, write_project
from webatlas.catalogue import load_catalogue
from webatlas.loading import CatalogueError

ROOT = Path(__file__).resolve().parents[2]


def test_the_real_catalogue_loads() -> None:
    catalogue = load_catalogue(ROOT)
    assert {"fastapi", "sanic", "aiohttp"} <= set(catalogue.entries)
    for slug in ("fastapi", "sanic", "aiohttp"):
        assert catalogue.stars_of(catalogue.entries[slug]), f"{slug} has no star history"
        assert len(catalogue.snippets_of(catalogue.entries[slug])) == len(catalogue.tasks)


def test_a_valid_project_loads(tmp_path: Path) -> None:
    catalogue = load_catalogue(write_project(tmp_path))
    demo = catalogue.entries["demo"]
    assert demo.github_repo == "demo/demo"
    assert [count.stars for count in catalogue.stars_of(demo)] == [100]


BAD_ENTRIES = {
    "missing field": (changed(entry(), "facts.licence"), "facts.licence", "required field is missing"),
    "wrong type": (changed(entry(), "strengths", "fast"), "strengths", "valid list"),
    "wrong type in a fact": (changed(entry(), "facts.first_release.value.date", 2019), "facts.first_release.value.date", "date"),
    "unknown feature": (
        changed(entry(), "features.telepathy", {"support": "no", "source": "https://example.org", "as_of": "2026-01-01"}),
        "features.telepathy",
        "unknown feature 'telepathy'",
    ),
    "impossible date": (changed(entry(), "facts.latest_release.value.date", "2025-02-30"), "facts.latest_release.value.date", "date"),
    "future date": (changed(entry(), "facts.status.as_of", "2999-01-01"), "facts.status.as_of", "in the future"),
    "non-http URL": (changed(entry(), "links.documentation", "ftp://example.org/docs"), "links.documentation", "not an http(s) URL"),
    "URL without scheme": (changed(entry(), "facts.licence.source", "example.org/licence"), "facts.licence.source", "not an http(s) URL"),
    "unknown layer": (changed(entry(), "layer", "cms"), "layer", "'server', 'toolkit' or 'framework'"),
    "unknown key": (changed(entry(), "popularity", 5), "popularity", "Extra inputs are not permitted"),
    "extension without name": (
        changed(entry(), "features.cors", {"support": "official-extension", "source": "https://example.org", "as_of": "2026-01-01"}),
        "features.cors",
        "needs 'via'",
    ),
    "feature not stated": (changed(entry(), "features.cors"), "features", "feature 'cors' is not stated"),
    "licence not SPDX": (changed(entry(), "facts.licence.value", "MIT license"), "facts.licence", "SPDX"),
}


@pytest.mark.parametrize("case", BAD_ENTRIES, ids=list(BAD_ENTRIES))
def test_bad_entry_names_file_entry_and_field(tmp_path: Path, case: str) -> None:
    data, field, problem = BAD_ENTRIES[case]
    write_project(tmp_path, [data])
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    error = raised.value
    assert error.file.endswith("data/catalogue/demo.yaml")
    assert (error.entry, error.field) == ("demo", field)
    assert problem in error.problem
    assert str(error).count("\n") == 0, "one message, on one line"


def test_duplicate_slug(tmp_path: Path) -> None:
    write_project(tmp_path, [entry("demo"), entry("demo", repository="https://github.com/demo/other")])
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert (raised.value.entry, raised.value.field) == ("demo", "slug")
    assert "duplicate entry slug, first used in" in raised.value.problem


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "data" / "catalogue" / "demo.yaml").write_text("slug: demo\nname: [unclosed\n")
    with pytest.raises(CatalogueError, match=r"demo\.yaml: .*line \d"):
        load_catalogue(tmp_path)


@pytest.mark.parametrize(
    ("row", "field"),
    [("nobody/else,2024-01-31,1,x", "repository"), ("demo/demo,2024-01-31,-5,x", "stars"), ("demo/demo,2024-02-30,5,x", "date")],
    ids=["unknown repository", "negative count", "impossible date"],
)
def test_bad_star_count_names_the_row(tmp_path: Path, row: str, field: str) -> None:
    write_project(tmp_path)
    (tmp_path / "data" / "github_stars.csv").write_text(f"repository,date,stars,source\n{row}\n")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert raised.value.file.endswith("data/github_stars.csv")
    assert (raised.value.entry, raised.value.field) == ("row 2", field)


def test_snippet_for_unknown_task(tmp_path: Path) -> None:
    write_project(tmp_path)
    folder = tmp_path / "snippets" / "demo"
    folder.mkdir()
    (folder / "requirements.txt").write_text("demo==1.0\n")
    (folder / "goodbye.py").write_text("")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert (raised.value.entry, raised.value.field) == ("demo", "(task)")


def test_snippet_folder_without_entry(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "snippets" / "ghost").mkdir()
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert raised.value.entry == "ghost"


def test_snippet_environment_must_pin_the_package(tmp_path: Path) -> None:
    write_project(tmp_path)
    folder = tmp_path / "snippets" / "demo"
    folder.mkdir()
    (folder / "requirements.txt").write_text("demo>=1.0\n")
    with pytest.raises(CatalogueError, match="no 'demo==VERSION' line"):
        load_catalogue(tmp_path)
