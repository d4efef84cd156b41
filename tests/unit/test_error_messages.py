"""A bad edit is reported with every problem of the entry, one line each, the file that holds it, and the likely fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.factories import CRITERIA, TASKS, cell, changed, entry, write_project, write_recipe
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.reading import CatalogueError
from webatlas.cli import main


def failure(root: Path) -> list[str]:
    """The lines of the error that loading the project below `root` fails with."""
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    return str(raised.value).splitlines()


def misspelt(data: dict[str, Any], dotted: str, typo: str) -> dict[str, Any]:
    """`data` with the last key of the dotted path renamed to `typo`, keeping its value."""
    *parents, last = dotted.split(".")
    node = data
    for key in parents:
        node = node[key]
    node[typo] = node.pop(last)
    return data


def test_a_misspelt_key_is_reported_beside_the_field_it_leaves_missing(tmp_path: Path) -> None:
    write_project(tmp_path, [misspelt(entry(), "facts.licence.source", "sorce")])
    file = f"{tmp_path}/data/catalogue/demo.yaml"
    assert failure(tmp_path) == [
        f"{file}: entry 'demo': field 'facts.licence.source': required field is missing",
        f"{file}: entry 'demo': field 'facts.licence.sorce': unknown key 'sorce' (did you mean 'source'?)",
    ]


def test_every_problem_of_an_entry_gets_its_own_line(tmp_path: Path) -> None:
    data = changed(changed(entry(), "layer", "cms"), "strengths", "fast")
    write_project(tmp_path, [changed(data, "links.documentation", "ftp://example.org/docs")])
    file = f"{tmp_path}/data/catalogue/demo.yaml"
    assert failure(tmp_path) == [
        f"{file}: entry 'demo': field 'layer': Input should be 'server', 'toolkit' or 'framework'",
        f"{file}: entry 'demo': field 'strengths': Input should be a valid list",
        f"{file}: entry 'demo': field 'links.documentation': 'ftp://example.org/docs' is not an http(s) URL",
    ]


@pytest.mark.parametrize(
    ("dotted", "typo", "problem"),
    [
        ("features.cors.via", "vai", "unknown key 'vai' (did you mean 'via'?)"),
        ("facts.servers.value.runs_on", "run_on", "unknown key 'run_on' (did you mean 'runs_on'?)"),
        ("install", "popularity", "unknown key 'popularity'"),
    ],
    ids=["in a feature cell", "in a sourced fact's value", "with no key close to it"],
)
def test_an_unknown_key_suggests_the_nearest_key_of_its_mapping(tmp_path: Path, dotted: str, typo: str, problem: str) -> None:
    write_project(tmp_path, [misspelt(entry(), dotted, typo)])
    field = ".".join([*dotted.split(".")[:-1], typo])
    assert f"{tmp_path}/data/catalogue/demo.yaml: entry 'demo': field '{field}': {problem}" in failure(tmp_path)


def test_a_misspelt_alias_suggests_the_alias(tmp_path: Path) -> None:
    inherited = {key: value for key, value in cell().items() if key != "support"} | {"from": "base"}
    write_project(tmp_path, [misspelt(changed(entry(), "features.websockets", inherited), "features.websockets.from", "frm")])
    assert failure(tmp_path) == [
        f"{tmp_path}/data/catalogue/demo.yaml: entry 'demo': field 'features.websockets.frm': unknown key 'frm' (did you mean 'from'?)"
    ]


def test_a_misspelt_feature_suggests_the_feature(tmp_path: Path) -> None:
    write_project(tmp_path, [misspelt(entry(), "features.websockets", "websocket")])
    assert failure(tmp_path) == [
        f"{tmp_path}/data/catalogue/demo.yaml: entry 'demo': field 'features.websocket': "
        "unknown feature 'websocket' (did you mean 'websockets'?); data/features.yaml defines cors, http2, websockets"
    ]


def test_a_misspelt_demonstrated_feature_suggests_the_feature(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "data" / "tasks.yaml").write_text(yaml.safe_dump([{**TASKS[0], "demonstrates": "cros"}]))
    assert failure(tmp_path) == [
        f"{tmp_path}/data/tasks.yaml: entry 'hello_text': field 'demonstrates': "
        "'cros' is not a feature of data/features.yaml (did you mean 'cors'?)"
    ]


def test_a_misspelt_required_feature_suggests_the_feature(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "data" / "criteria.yaml").write_text(yaml.safe_dump({**CRITERIA, "required_features": ["websocket"]}))
    assert failure(tmp_path) == [
        f"{tmp_path}/data/criteria.yaml: entry '(file)': field 'required_features': "
        "'websocket' is not a feature of data/features.yaml (did you mean 'websockets'?)"
    ]


def test_a_misspelt_recipe_file_suggests_the_task(tmp_path: Path) -> None:
    write_project(tmp_path)
    write_recipe(tmp_path, "demo", "helo_text")
    assert failure(tmp_path) == [
        f"{tmp_path}/snippets/demo/helo_text.py: entry 'demo': field '(task)': "
        "'helo_text' is not a task in data/tasks.yaml (did you mean 'hello_text'?)"
    ]


@pytest.mark.parametrize("with_recipes", [True, False], ids=["beside recipes", "without a snippet folder"])
def test_a_misspelt_unsupported_task_names_the_catalogue_file(tmp_path: Path, with_recipes: bool) -> None:
    write_project(tmp_path, [misspelt(entry(), "snippets.unsupported.hello_text", "helo_text")])
    if with_recipes:
        write_recipe(tmp_path, "demo", "hello_text")
    assert failure(tmp_path) == [
        f"{tmp_path}/data/catalogue/demo.yaml: entry 'demo': field 'snippets.unsupported.helo_text': "
        "'helo_text' is not a task in data/tasks.yaml (did you mean 'hello_text'?)"
    ]


def test_a_misspelt_claimed_task_suggests_the_task(tmp_path: Path) -> None:
    write_project(tmp_path)
    claim = {"slug": "fast", "claim": "Demo is fast.", "article": "An article", "check": "rank", "subject": "demo", "task": "hello"}
    (tmp_path / "data" / "claims.yaml").write_text(yaml.safe_dump([claim]))
    assert failure(tmp_path) == [
        f"{tmp_path}/data/claims.yaml: entry 'fast': field 'task': 'hello' is not a task of data/tasks.yaml (did you mean 'hello_text'?)"
    ]


def test_the_command_prints_every_line_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_project(tmp_path, [misspelt(entry(), "facts.licence.source", "sorce")])
    assert main(["--root", str(tmp_path), "snippet-python", "demo"]) == 1
    file = f"{tmp_path}/data/catalogue/demo.yaml"
    assert capsys.readouterr().err.splitlines() == [
        f"webatlas snippet-python: {file}: entry 'demo': field 'facts.licence.source': required field is missing",
        f"{file}: entry 'demo': field 'facts.licence.sorce': unknown key 'sorce' (did you mean 'source'?)",
    ]
