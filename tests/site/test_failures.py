"""Bad data, a bad marker or a nav without its generated sections stops `mkdocs build` with one message naming what is
wrong and where: for data, the file, the entry and the field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.building import copy_project, mkdocs_build
from tests.factories import DELETE, cell, changed, entry
from tests.small_site import DATASET, ENTRIES, STARS, write_small_site
from webatlas.catalogue.reading import read_yaml


def edit_entry(project: Path, slug: str, dotted: str, value: Any) -> None:
    """Set (or, with DELETE, remove) one field of an entry's YAML file in `project`."""
    path = project / "data" / "catalogue" / f"{slug}.yaml"
    path.write_text(yaml.safe_dump(changed(read_yaml(path), dotted, value), sort_keys=False))


CASES = {
    "missing field": ("facts.licence", DELETE, "required field is missing"),
    "wrong type": ("facts.origins.value.year", ["2018"], "valid integer"),
    "unknown feature": ("features.teleportation", cell("no"), "unknown feature"),
    "impossible date": ("facts.interfaces.as_of", "2026-02-30", "valid date"),
    "non-http URL": ("links.repository", "git@github.com:fastapi/fastapi.git", "not an http(s) URL"),
    "unknown base": ("facts.built_on.value", ["werkzeug"], "'werkzeug' is not another catalogue entry"),
}
"""Each case: the field that is broken (and must be named), its bad value, and words the message must contain."""


def _one_error(output: str) -> str:
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    assert "Traceback" not in output, output
    return errors[0]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_entry_fails_the_build(tmp_path: Path, case: str) -> None:
    field, value, problem = CASES[case]
    project = copy_project(tmp_path / "project")
    edit_entry(project, "fastapi", field, value)
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    error = _one_error(build.output)
    assert f"data/catalogue/fastapi.yaml: entry 'fastapi': field '{field}': " in error
    assert problem in error


def test_a_copied_entry_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(project / "data" / "catalogue" / "sanic.yaml", project / "data" / "catalogue" / "sanic-copy.yaml")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    error = _one_error(build.output)
    assert "data/catalogue/sanic-copy.yaml: entry 'sanic': field 'slug': the file of entry 'sanic' must be named sanic.yaml" in error


def test_a_stale_snapshot_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "pypi_snapshot.json"
    snapshot = json.loads(path.read_text())
    del snapshot["packages"]["sanic"]
    path.write_text(json.dumps(snapshot))
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "data/pypi_snapshot.json: entry 'sanic': field 'packages': no snapshot of 'sanic': run `make refresh`" in _one_error(
        build.output
    )


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("<!-- atlas:league-table -->", "compare.md: unknown marker 'atlas:league-table'; known: benchmark-chart, "),
        (
            "<!-- atlas:comparison-table Framework -->",
            "compare.md: comparison-table takes one of framework, toolkit, server, got 'Framework'",
        ),
    ],
    ids=["unknown marker", "bad argument"],
)
def test_a_bad_marker_fails_the_build_with_one_line(tmp_path: Path, marker: str, message: str) -> None:
    """tests/unit/test_markers.py holds every message; this is how the build reports one."""
    project = write_small_site(tmp_path / "project")
    with (project / "docs" / "compare.md").open("a") as page:
        page.write(f"\n{marker}\n")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert message in _one_error(build.output)


@pytest.mark.parametrize("item", ["Catalogue: catalogue/", "Cookbook: cookbook/", "Compare: compare/"])
def test_a_nav_without_a_generated_section_fails_the_build(tmp_path: Path, item: str) -> None:
    project = write_small_site(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(f"  - {item}\n", "", 1))
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert f"mkdocs.yml: nav needs the item '{item}', which the build expands into pages" in _one_error(build.output)


def test_more_star_lines_than_styles_fail_the_build_naming_the_chart(tmp_path: Path) -> None:
    """The small site draws 3 lines of stars; 46 more entries with star counts make 49, one more than 8 colours times 6
    dash patterns can keep apart."""
    extra = [entry(f"extra{number}", f"https://github.com/demo/extra{number}") for number in range(46)]
    counts = [(f"demo/extra{number}", "2025-01-01", 10, DATASET) for number in range(46)]
    project = write_small_site(tmp_path / "project", [*ENTRIES, *extra], [*STARS, *counts])
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "chart 'stars' would draw 49 series, but its line styles keep at most 48 apart" in _one_error(build.output)


def test_hand_written_page_cannot_shadow_a_generated_one(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "catalogue").mkdir()
    (project / "docs" / "catalogue" / "aiohttp.md").write_text("# aiohttp by hand\n")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert "docs/catalogue/aiohttp.md clashes with a generated file" in _one_error(build.output)


def test_a_misspelt_key_fails_the_build_with_the_key_it_meant(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "catalogue" / "tornado.yaml"
    entry = read_yaml(path)
    entry["facts"]["licence"]["sorce"] = entry["facts"]["licence"].pop("source")
    path.write_text(yaml.safe_dump(entry, sort_keys=False))
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    lines = build.output.splitlines()
    first = lines.index(_one_error(build.output))
    assert lines[first : first + 2] == [
        "ERROR   -  data/catalogue/tornado.yaml: entry 'tornado': field 'facts.licence.source': required field is missing",
        "data/catalogue/tornado.yaml: entry 'tornado': field 'facts.licence.sorce': unknown key 'sorce' (did you mean 'source'?)",
    ], build.output
