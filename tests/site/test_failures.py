"""Bad data or an unknown marker stops `mkdocs build` with one message naming the file, the entry and the field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.building import copy_project, mkdocs_build
from webatlas.loading import read_yaml


def edit_entry(project: Path, slug: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = project / "data" / "catalogue" / f"{slug}.yaml"
    data = read_yaml(path)
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def _set(dotted: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = dotted.split(".")
        for key in parents:
            data = data[key]
        if value is _DELETE:
            del data[last]
        else:
            data[last] = value

    return change


_DELETE = object()

CASES = {
    "missing field": (_set("facts.licence", _DELETE), "facts.licence", "required field is missing"),
    "wrong type": (_set("facts.first_release.value.date", ["2018-12-08"]), "facts.first_release.value.date", "valid date"),
    "unknown feature": (
        _set("features.teleportation", {"support": "no", "source": "https://example.org/", "as_of": "2026-01-01"}),
        "features.teleportation",
        "unknown feature",
    ),
    "impossible date": (_set("facts.latest_release.as_of", "2026-02-30"), "facts.latest_release.as_of", "valid date"),
    "non-http URL": (_set("links.repository", "git@github.com:fastapi/fastapi.git"), "links.repository", "not an http(s) URL"),
}


def _one_error(output: str) -> str:
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    assert "Traceback" not in output, output
    return errors[0]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_entry_fails_the_build(tmp_path: Path, case: str) -> None:
    change, field, problem = CASES[case]
    project = copy_project(tmp_path / "project")
    edit_entry(project, "fastapi", change)
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    error = _one_error(build.output)
    assert f"data/catalogue/fastapi.yaml: entry 'fastapi': field '{field}': " in error
    assert problem in error


def test_duplicate_slug_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(project / "data" / "catalogue" / "sanic.yaml", project / "data" / "catalogue" / "sanic-copy.yaml")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    error = _one_error(build.output)
    assert (
        "data/catalogue/sanic.yaml: entry 'sanic': field 'slug': duplicate entry slug, first used in data/catalogue/sanic-copy.yaml"
        in error
    )


def test_unknown_marker_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with (project / "docs" / "compare.md").open("a") as page:
        page.write("\n<!-- atlas:league-table -->\n")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert build.output.count("compare.md: unknown marker 'atlas:league-table'") == 1, build.output


def test_hand_written_page_cannot_shadow_a_generated_one(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "catalogue").mkdir()
    (project / "docs" / "catalogue" / "aiohttp.md").write_text("# aiohttp by hand\n")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "docs/catalogue/aiohttp.md clashes with a generated file" in _one_error(build.output)
