"""A cell that claims a feature a cookbook task demonstrates is backed by that recipe or a reason, and a cell that denies it has none."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.factories import TASKS, cell, changed, entry, write_project
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.reading import CatalogueError
from webatlas.comparison.rows import cell_for

CORS_TASK = {"slug": "cors", "title": "CORS", "summary": "Allows one origin.", "demonstrates": "cors"}


def project(
    tmp_path: Path,
    support: str,
    *,
    recipe: bool,
    unsupported: dict[str, str] | None = None,
    task: dict[str, str] = CORS_TASK,
    proves: dict[str, list[str]] | None = None,
) -> Path:
    """A project whose demo entry has `support` for cors, and, with `recipe`, a recipe for `task` that uses `proves`."""
    data = changed(entry(), "features.cors", cell(support, "demo-cors" if support == "third-party" else None))
    data["snippets"]["unsupported"] |= unsupported or {}
    data["snippets"]["proves"] = proves or {}
    root = write_project(tmp_path, [data])
    (root / "data" / "tasks.yaml").write_text(yaml.safe_dump([*TASKS, task]))
    folder = root / "snippets" / "demo"
    folder.mkdir()
    (folder / "requirements.txt").write_text("demo==1.0\n")
    if recipe:
        (folder / f"{task['slug']}.py").write_text(f'"""{task["summary"]}"""\n')
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


GREETING_TASK = {"slug": "greeting", "title": "Greeting", "summary": "Greets by name."}


def proving(tmp_path: Path, support: str, proves: dict[str, list[str]], *, recipe: bool = True) -> Path:
    """A project whose demo entry has a greeting recipe, a task that demonstrates nothing, that says it uses `proves`."""
    unsupported = None if recipe else {"greeting": "It cannot greet."}
    return project(tmp_path, support, recipe=recipe, unsupported=unsupported, task=GREETING_TASK, proves=proves)


def test_a_recipe_that_uses_a_feature_backs_its_cell(tmp_path: Path) -> None:
    catalogue = load_catalogue(proving(tmp_path, "built-in", {"greeting": ["cors"]}))
    [snippet] = catalogue.snippets
    assert snippet.features == ("cors",)
    found = cell_for(catalogue, catalogue.entries["demo"], catalogue.features["cors"])
    assert found is not None and found.recipe_task is not None and found.recipe_task.slug == "greeting"


def test_a_recipe_that_proves_nothing_backs_no_cell(tmp_path: Path) -> None:
    catalogue = load_catalogue(proving(tmp_path, "built-in", {}))
    found = cell_for(catalogue, catalogue.entries["demo"], catalogue.features["cors"])
    assert found is not None and found.recipe_task is None


def test_a_recipe_that_uses_a_feature_the_cell_denies_fails(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(proving(tmp_path, "no", {"greeting": ["cors"]}))
    assert (raised.value.entry, raised.value.field) == ("demo", "features.cors")
    assert "snippets/demo/greeting.py does cors, which this cell says it cannot" in raised.value.problem


def test_a_recipe_that_uses_an_unknown_feature_fails(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(proving(tmp_path, "built-in", {"greeting": ["corss"]}))
    assert (raised.value.entry, raised.value.field) == ("demo", "snippets.proves.greeting")
    assert raised.value.problem.startswith("'corss' is no feature of Demo's layer")
    assert "cors" in raised.value.problem.removeprefix("'corss'")


def test_a_feature_claimed_for_a_recipe_that_does_not_exist_fails(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(proving(tmp_path, "built-in", {"greeting": ["cors"]}, recipe=False))
    assert (raised.value.entry, raised.value.field) == ("demo", "snippets.proves.greeting")
    assert raised.value.problem == "snippets/demo/greeting.py does not exist, so it has no proves"
