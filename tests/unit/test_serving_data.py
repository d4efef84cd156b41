"""data/serving.yaml: each server recipe names a server of the catalogue and a script that exists, and a bad value fails
with one line naming the file, the recipe and the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.factories import SOURCE, VOCABULARY, cell, entry, feature, write_project
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.reading import CatalogueError

RECIPE = {
    "slug": "demo-two",
    "server": "demo",
    "title": "Demo with two workers",
    "script": "demo.sh",
    "interface": "asgi",
    "workers": 2,
    "forwarded_from": "the proxy",
    "in_flight_finishes": True,
    "new_connections_after_sigterm": "refused",
}


def project(tmp_path: Path, recipe: dict[str, Any], script: bool = True) -> Path:
    root = write_project(tmp_path)
    (root / "data" / "serving.yaml").write_text(yaml.safe_dump([recipe]))
    (root / "requirements" / "bench").mkdir(parents=True)
    (root / "requirements" / "bench" / "servers.txt").write_text("demo==1.0\n")
    if script:
        (root / "snippets" / "_serving").mkdir()
        (root / "snippets" / "_serving" / "demo.sh").write_text("exec demo\n")
    return root


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        ({"server": "nobody"}, "server", "'nobody' is no server of the catalogue"),
        ({}, "server", "'demo' is no server of the catalogue"),
        ({"workers": 0}, "workers", "Input should be greater than or equal to 1"),
        ({"forwarded_from": "everyone"}, "forwarded_from", "Input should be 'the proxy', 'the proxy, scheme only' or 'anyone'"),
        ({"new_connections_after_sigterm": "queued"}, "new_connections_after_sigterm", "Input should be 'refused', 'dropped' or 'served'"),
        ({"script": "../demo.sh"}, "script", "String should match pattern"),
        ({"prefix_removed_by": "the app"}, "prefix_removed_by", "Input should be 'the proxy' or 'the server'"),
        (
            {"new_connections_after_sigterm": "served", "may_miss_sigterm": True},
            "may_miss_sigterm",
            "new connections are served after SIGTERM anyway",
        ),
    ],
    ids=[
        "unknown server",
        "a framework",
        "no workers",
        "unknown trust",
        "unknown outcome",
        "path outside the folder",
        "unknown remover",
        "a miss that changes nothing",
    ],
)
def test_a_bad_recipe_names_its_field(tmp_path: Path, change: dict[str, Any], field: str, problem: str) -> None:
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(project(tmp_path, {**RECIPE, **change}))
    assert raised.value.file.endswith("data/serving.yaml")
    assert (raised.value.entry, raised.value.field) == ("demo-two", field)
    assert raised.value.problem.startswith(problem)
    assert "\n" not in str(raised.value)


def server() -> dict[str, Any]:
    """A valid server entry, `gate`."""
    gate = entry("gate")
    gate["layer"] = "server"
    gate["features"] = {"websockets": cell(), "http2": cell()}
    del gate["snippets"], gate["facts"]["servers"], gate["facts"]["own_server"]
    return gate


def gate_project(tmp_path: Path, script: str, pins: str, **changes: Any) -> Path:
    """A project with the server `gate`, a recipe of it changed by `changes`, its script, and the servers' pins."""
    root = write_project(tmp_path, [entry(), server()])
    (root / "data" / "serving.yaml").write_text(yaml.safe_dump([{**RECIPE, "server": "gate", **changes}]))
    (root / "snippets" / "_serving").mkdir()
    (root / "snippets" / "_serving" / "demo.sh").write_text(script)
    (root / "requirements" / "bench").mkdir(parents=True)
    (root / "requirements" / "bench" / "servers.txt").write_text(pins)
    return root


def test_a_recipe_of_a_server_with_its_script_loads(tmp_path: Path) -> None:
    root = gate_project(tmp_path, "exec demo\n", "# The servers.\nGate==1.2\nother==3.0\n", uses=["Other"])
    catalogue = load_catalogue(root)
    assert [recipe.server for recipe in catalogue.serving.values()] == ["gate"]
    assert catalogue.serving_pins == {"gate": "1.2", "other": "3.0"}
    (root / "snippets" / "_serving" / "demo.sh").unlink()
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert (raised.value.entry, raised.value.field) == ("demo-two", "script")
    assert raised.value.problem == "snippets/_serving/demo.sh does not exist"


def test_a_recipe_whose_wrapper_is_missing_fails(tmp_path: Path) -> None:
    root = gate_project(tmp_path, "exec demo gate_app:app\n", "gate==1.2\n", wrapper="gate_app.py")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert (raised.value.entry, raised.value.field) == ("demo-two", "wrapper")
    assert raised.value.problem == "snippets/_serving/gate_app.py does not exist"


def test_a_recipe_that_uses_an_unpinned_distribution_fails(tmp_path: Path) -> None:
    root = gate_project(tmp_path, "exec demo\n", "gate==1.2\nother==3.0\n", uses=["Other", "gate-worker"])
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert (raised.value.entry, raised.value.field) == ("demo-two", "uses")
    assert raised.value.problem == "gate-worker is not pinned in requirements/bench/servers.txt"


def proving_project(tmp_path: Path, recipes: list[dict[str, Any]], gate: dict[str, Any] | None = None) -> Path:
    """`gate_project` with graceful shutdown in the vocabulary, for servers only, and `recipes` instead of its one."""
    root = gate_project(tmp_path, "exec demo\n", "# The servers.\nGate==1.2\n")
    if gate is not None:
        (root / "data" / "catalogue" / "gate.yaml").write_text(yaml.safe_dump(gate))
    vocabulary = {**VOCABULARY, "features": [*VOCABULARY["features"], feature("graceful_shutdown", ["server"], "server")]}
    (root / "data" / "features.yaml").write_text(yaml.safe_dump(vocabulary))
    (root / "data" / "serving.yaml").write_text(yaml.safe_dump([{**RECIPE, "server": "gate", **recipe} for recipe in recipes]))
    return root


FINISHES = {"slug": "gate-a", "title": "Gate A"}
CUT_OFF = {"slug": "gate-b", "title": "Gate B", "in_flight_finishes": False, "may_miss_sigterm": True}


def test_graceful_shutdown_is_proved_by_the_servers_recipes(tmp_path: Path) -> None:
    catalogue = load_catalogue(proving_project(tmp_path, [FINISHES, CUT_OFF]))
    proved = catalogue.cells["gate"]["graceful_shutdown"]
    assert (proved.support, proved.version, proved.source, proved.recipes) == ("built-in", "1.2", SOURCE, ("gate-a", "gate-b"))
    assert proved.note == (
        "A request in flight is cut off in: Gate B. A worker can miss the signal, and is then killed at the server's timeout, in: Gate B."
    )
    assert "graceful_shutdown" not in catalogue.cells["demo"]


def test_graceful_shutdown_is_no_when_every_recipe_cuts_the_request_off(tmp_path: Path) -> None:
    proved = load_catalogue(proving_project(tmp_path / "cut", [CUT_OFF])).cells["gate"]["graceful_shutdown"]
    assert (proved.support, proved.note) == ("no", "A worker can miss the signal, and is then killed at the server's timeout, in: Gate B.")


def test_a_server_with_recipes_cannot_state_graceful_shutdown(tmp_path: Path) -> None:
    gate = server()
    gate["features"]["graceful_shutdown"] = cell("built-in")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(proving_project(tmp_path, [FINISHES], gate))
    assert (raised.value.entry, raised.value.field) == ("gate", "features.graceful_shutdown")
    assert raised.value.problem == "is proved by the server's recipes in data/serving.yaml: remove the cell"
