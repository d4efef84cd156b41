"""A cell that claims a feature a cookbook task demonstrates is backed by that recipe or a reason, and a cell that denies it has none."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.factories import TASKS, cell, changed, entry, write_project
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.reading import CatalogueError

CORS_TASK = {"slug": "cors", "title": "CORS", "summary": "Allows one origin.", "demonstrates": "cors"}


def project(tmp_path: Path, support: str, *, recipe: bool, unsupported: dict[str, str] | None = None) -> Path:
    data = changed(entry(), "features.cors", cell(support, "demo-cors" if support == "third-party" else None))
    data["snippets"]["unsupported"] |= unsupported or {}
    root = write_project(tmp_path, [data])
    (root / "data" / "tasks.yaml").write_text(yaml.safe_dump([*TASKS, CORS_TASK]))
    folder = root / "snippets" / "demo"
    folder.mkdir()
    (folder / "requirements.txt").write_text("demo==1.0\n")
    if recipe:
        (folder / "cors.py").write_text('"""Allows one origin."""\n')
    return root


def test_a_built_in_cell_without_its_recipe_fails(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(project(tmp_path, "built-in", recipe=False))
    assert str(raised.value) == (
        f"{tmp_path}/data/tasks.yaml: entry 'cors': field '(recipes)': "
        "no recipe snippets/<slug>/cors.py and no reason snippets.unsupported.cors in data/catalogue/<slug>.yaml for demo"
    )


def test_a_reason_stands_in_for_the_recipe(tmp_path: Path) -> None:
    catalogue = load_catalogue(project(tmp_path, "built-in", recipe=False, unsupported={"cors": "Its CORS middleware ignores origins."}))
    assert catalogue.entries["demo"].snippets is not None
    assert catalogue.entries["demo"].snippets.unsupported["cors"] == "Its CORS middleware ignores origins."


def test_a_recipe_for_a_feature_the_cell_denies_fails(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(project(tmp_path, "no", recipe=True))
    assert (raised.value.entry, raised.value.field) == ("demo", "features.cors")
    assert "snippets/demo/cors.py does cors, which this cell says it cannot" in raised.value.problem


def test_a_recipe_may_back_a_third_party_cell(tmp_path: Path) -> None:
    assert [snippet.path.name for snippet in load_catalogue(project(tmp_path, "third-party", recipe=True)).snippets] == ["cors.py"]


def test_a_reason_for_a_task_that_has_a_recipe_fails(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="the task has a snippet, so it is supported"):
        load_catalogue(project(tmp_path, "built-in", recipe=True, unsupported={"cors": "No."}))
