"""The catalogue loads valid data, and each kind of bad data fails with one message naming file, entry and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.factories import TASKS, cell, changed, entry, snapshot, write_project, write_recipe
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.reading import CatalogueError

ROOT = Path(__file__).resolve().parents[2]


def test_the_real_catalogue_loads() -> None:
    catalogue = load_catalogue(ROOT)
    assert {"fastapi", "sanic", "aiohttp"} <= set(catalogue.entries)
    for slug in ("fastapi", "sanic", "aiohttp"):
        assert catalogue.stars_of(catalogue.entries[slug]), f"{slug} has no star history"
        entry = catalogue.entries[slug]
        assert entry.snippets is not None
        assert len(catalogue.snippets_of(entry)) + len(entry.snippets.unsupported) == len(catalogue.tasks)


def test_a_valid_project_loads(tmp_path: Path) -> None:
    catalogue = load_catalogue(write_project(tmp_path))
    demo = catalogue.entries["demo"]
    assert demo.github_repo == "demo/demo"
    assert [count.stars for count in catalogue.stars_of(demo)] == [100]


BAD_ENTRIES = {
    "missing field": (changed(entry(), "facts.licence"), "facts.licence", "required field is missing"),
    "wrong type": (changed(entry(), "strengths", "fast"), "strengths", "valid list"),
    "wrong type in a fact": (changed(entry(), "facts.origins.value.year", "soon"), "facts.origins.value.year", "valid integer"),
    "unknown feature": (changed(entry(), "features.telepathy", cell("no")), "features.telepathy", "unknown feature 'telepathy'"),
    "feature of another layer": (
        changed(changed(entry(), "layer", "server"), "features.http2", cell()),
        "features",
        "feature 'cors' does not apply to the server layer",
    ),
    "feature without version": (changed(entry(), "features.cors.version"), "features.cors.version", "required field is missing"),
    "impossible date": (changed(entry(), "facts.licence.as_of", "2025-02-30"), "facts.licence.as_of", "date"),
    "future date": (changed(entry(), "facts.interfaces.as_of", "2999-01-01"), "facts.interfaces.as_of", "in the future"),
    "non-http URL": (changed(entry(), "links.documentation", "ftp://example.org/docs"), "links.documentation", "not an http(s) URL"),
    "URL without scheme": (changed(entry(), "facts.licence.source", "example.org/licence"), "facts.licence.source", "not an http(s) URL"),
    "unknown layer": (changed(entry(), "layer", "cms"), "layer", "'server', 'toolkit' or 'framework'"),
    "unknown key": (changed(entry(), "popularity", 5), "popularity", "unknown key 'popularity'"),
    "extension without name": (changed(entry(), "features.cors", cell("official-extension")), "features.cors", "needs 'via'"),
    "feature not stated": (changed(entry(), "features.cors"), "features", "feature 'cors' is not stated"),
    "licence not SPDX": (changed(entry(), "facts.licence.value", "MIT license"), "facts.licence", "SPDX"),
    "recommends a server it does not run on": (
        changed(entry(), "facts.servers.value.recommended", "uvicorn"),
        "facts.servers.value",
        "recommended server 'uvicorn' is not in runs_on",
    ),
    "built on an unknown entry": (
        changed(entry(), "facts.built_on.value", ["nowhere"]),
        "facts.built_on.value",
        "'nowhere' is not another",
    ),
    "built on itself": (changed(entry(), "facts.built_on.value", ["demo"]), "facts.built_on.value", "'demo' is not another"),
    "runs on an unknown server": (
        changed(entry(), "facts.servers.value.runs_on", ["nowhere"]),
        "facts.servers.value.runs_on",
        "'nowhere' is not a catalogue server",
    ),
    "command with an unknown placeholder": (
        changed(entry(), "snippets.command", "run {module} --port {port} {host}"),
        "snippets.command",
        "may only use {module} and {port}, not {host}",
    ),
    "command that is no template": (
        changed(entry(), "snippets.command", "run {module} {port} }"),
        "snippets.command",
        "not a valid template",
    ),
    "no package and no stated releases": (changed(entry(), "package", None), "(entry)", "facts.releases is stated exactly when"),
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


def test_entry_file_is_named_after_its_slug(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "data" / "catalogue" / "demo.yaml").rename(tmp_path / "data" / "catalogue" / "other.yaml")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert (raised.value.entry, raised.value.field) == ("demo", "slug")
    assert "must be named demo.yaml" in raised.value.problem


def test_built_on_cycle_is_refused(tmp_path: Path) -> None:
    first, second = entry("first"), entry("second")
    changed(first, "facts.built_on.value", ["second"])
    changed(second, "facts.built_on.value", ["first"])
    write_project(tmp_path, [first, second])
    with pytest.raises(CatalogueError, match="cycle: first -> second -> first"):
        load_catalogue(tmp_path)


@pytest.mark.parametrize(
    ("packages", "entry_name", "problem"),
    [
        ([], "demo", "no snapshot of 'demo'"),
        (["demo"], "demo", "no snapshot of 'demo-cors'"),
        (["demo", "demo-cors", "stray"], "stray", "no catalogue entry has or relies on"),
    ],
)
def test_snapshot_holds_exactly_the_catalogue_packages(tmp_path: Path, packages: list[str], entry_name: str, problem: str) -> None:
    write_project(tmp_path)
    (tmp_path / "data" / "pypi_snapshot.json").write_text(json.dumps(snapshot(packages)))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert raised.value.file.endswith("data/pypi_snapshot.json")
    assert (raised.value.entry, raised.value.field) == (entry_name, "packages")
    assert problem in raised.value.problem


def test_bad_snapshot_names_the_package_and_field(tmp_path: Path) -> None:
    write_project(tmp_path)
    broken = snapshot(["demo"])
    broken["packages"]["demo"]["releases"][0]["date"] = "2019-02-30"
    (tmp_path / "data" / "pypi_snapshot.json").write_text(json.dumps(broken))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert (raised.value.entry, raised.value.field) == ("demo", "releases.0.date")


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


def test_a_task_may_have_its_own_command(tmp_path: Path) -> None:
    demo = entry()
    demo["snippets"]["commands"] = {"greeting": "gunicorn {module}:app --threads 20 --bind 127.0.0.1:{port}"}
    write_project(tmp_path, [demo])
    (tmp_path / "data" / "tasks.yaml").write_text(yaml.safe_dump([*TASKS, GREETING, FAREWELL]))
    for task in ("greeting", "farewell"):
        write_recipe(tmp_path, "demo", task)
    commands = {snippet.task.slug: snippet.command(port=1234) for snippet in load_catalogue(tmp_path).snippets}
    assert commands == {
        "greeting": "gunicorn greeting:app --threads 20 --bind 127.0.0.1:1234",
        "farewell": "uvicorn farewell:app --port 1234",
    }


@pytest.mark.parametrize(
    ("command", "problem"),
    [
        ("gunicorn {module}:app --threads 20", "command must contain {port}"),
        ("gunicorn greeting:app --bind 127.0.0.1:8000", "command must contain {module}"),
    ],
)
def test_a_task_command_needs_both_placeholders(tmp_path: Path, command: str, problem: str) -> None:
    demo = entry()
    demo["snippets"]["commands"] = {"greeting": command}
    write_project(tmp_path, [demo])
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert (raised.value.entry, raised.value.field) == ("demo", "snippets.commands")
    assert problem in raised.value.problem


def test_a_task_command_without_its_recipe_fails(tmp_path: Path) -> None:
    demo = entry()
    demo["snippets"]["commands"] = {"greeting": "gunicorn {module}:app --bind 127.0.0.1:{port}"}
    demo["snippets"]["unsupported"]["greeting"] = "It cannot greet."
    write_project(tmp_path, [demo])
    (tmp_path / "data" / "tasks.yaml").write_text(yaml.safe_dump([*TASKS, GREETING, FAREWELL]))
    write_recipe(tmp_path, "demo", "farewell")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert (raised.value.entry, raised.value.field) == ("demo", "snippets.commands.greeting")
    assert raised.value.problem == "snippets/demo/greeting.py does not exist, so it has no commands"


def test_a_task_that_is_no_server_has_one_command_for_every_framework(tmp_path: Path) -> None:
    demo = entry()
    demo["snippets"]["commands"] = {"greeting": "gunicorn {module}:app --threads 20 --bind 127.0.0.1:{port}"}
    write_project(tmp_path, [demo])
    (tmp_path / "data" / "tasks.yaml").write_text(yaml.safe_dump([*TASKS, {**GREETING, "command": "pytest {module}.py"}]))
    write_recipe(tmp_path, "demo", "greeting")
    [snippet] = load_catalogue(tmp_path).snippets
    assert snippet.command(port=1234) == "pytest greeting.py"


@pytest.mark.parametrize("command", ["pytest greeting.py", "pytest {module}.py --port {port}"])
def test_a_task_command_names_only_the_module(tmp_path: Path, command: str) -> None:
    write_project(tmp_path)
    (tmp_path / "data" / "tasks.yaml").write_text(yaml.safe_dump([*TASKS, {**GREETING, "command": command}]))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert (raised.value.entry, raised.value.field) == ("greeting", "command")
    assert raised.value.problem.endswith("command must contain {module} and no other placeholder")


def test_a_task_may_name_a_setup_script_that_must_exist(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "data" / "tasks.yaml").write_text(yaml.safe_dump([{**TASKS[0], "setup": "_service/start.sh"}, *TASKS[1:]]))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert (raised.value.entry, raised.value.field) == (TASKS[0]["slug"], "setup")
    assert raised.value.problem == "snippets/_service/start.sh does not exist"
    (tmp_path / "snippets" / "_service").mkdir()
    (tmp_path / "snippets" / "_service" / "start.sh").write_text("echo started\n")
    assert load_catalogue(tmp_path).tasks[TASKS[0]["slug"]].setup == "_service/start.sh"


@pytest.mark.parametrize("setup", ["service/start.sh", "_service/start.py", "_service/../../etc/passwd.sh"])
def test_a_setup_script_sits_in_an_underscore_folder_of_snippets(tmp_path: Path, setup: str) -> None:
    write_project(tmp_path)
    (tmp_path / "data" / "tasks.yaml").write_text(yaml.safe_dump([{**TASKS[0], "setup": setup}, *TASKS[1:]]))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert (raised.value.entry, raised.value.field) == (TASKS[0]["slug"], "setup")


def write_requirements(root: Path, text: str) -> None:
    write_project(root)
    (root / "snippets" / "demo").mkdir()
    (root / "snippets" / "demo" / "requirements.txt").write_text(text)


def test_snippet_environment_reads_pins_as_pip_does(tmp_path: Path) -> None:
    write_requirements(
        tmp_path,
        "# Pinned environment for the demo snippets.\n"
        "\n"
        "Demo==2.1.0  # the framework\n"
        'Some_Server[standard] == 0.5 ; python_version >= "3.8"\n'
        "zope.interface==8.7\n",
    )
    environment = load_catalogue(tmp_path).environments["demo"]
    assert environment.version == "2.1.0"
    assert environment.pins == {"demo": "2.1.0", "some-server": "0.5", "zope-interface": "8.7"}


def test_snippet_environment_must_pin_the_package(tmp_path: Path) -> None:
    write_requirements(tmp_path, "other==1.0\n")
    with pytest.raises(CatalogueError, match="no 'demo==VERSION' line"):
        load_catalogue(tmp_path)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("demo>=1.0", "'demo>=1.0' is not an exact name==version pin"),
        ("demo==1.0,<2", "'demo==1.0,<2' is not an exact name==version pin"),
        ("demo==1.*", "'demo==1.*' is not an exact name==version pin"),
        ("demo===1.0", "'demo===1.0' is not an exact name==version pin"),
        ("demo", "'demo' is not an exact name==version pin"),
        ("demo @ https://example.org/demo-1.0.tar.gz", "'demo @ https://example.org/demo-1.0.tar.gz' is not an exact name==version pin"),
        # packaging's own wording follows; only its first line is kept.
        ("demo = 1.0", "'demo = 1.0' is no requirement: "),
        ("-r base.txt", "'-r base.txt' is no requirement: "),
    ],
    ids=["range", "pin-and-range", "wildcard", "arbitrary-equality", "bare-name", "url", "single-equals", "pip-option"],
)
def test_a_bad_pin_names_the_file_and_the_line(tmp_path: Path, line: str, problem: str) -> None:
    write_requirements(tmp_path, f"# header\nother==1.0\n{line}\ndemo==1.0\n")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert raised.value.file.endswith("snippets/demo/requirements.txt")
    assert (raised.value.entry, raised.value.field) == ("line 3", "(pin)")
    assert raised.value.problem.startswith(problem) and "\n" not in str(raised.value)


GREETING = {"slug": "greeting", "title": "Greeting", "summary": "Greets by name."}
FAREWELL = {"slug": "farewell", "title": "Farewell", "summary": "Says goodbye."}


def test_a_task_without_every_recipe_or_reason_fails_with_one_line(tmp_path: Path) -> None:
    """alpha and demo have the recipe, beta says why not, delta and gamma do neither, omega has no recipes at all."""
    entries = [entry(slug) for slug in ("alpha", "beta", "delta", "demo", "gamma", "omega")]
    entries[1]["snippets"]["unsupported"]["greeting"] = "It cannot greet."
    del entries[5]["snippets"]
    write_project(tmp_path, entries)
    (tmp_path / "data" / "tasks.yaml").write_text(yaml.safe_dump([*TASKS, GREETING]))
    for slug in ("alpha", "demo"):
        write_recipe(tmp_path, slug, "greeting")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert str(raised.value) == (
        f"{tmp_path}/data/tasks.yaml: entry 'greeting': field '(recipes)': no recipe snippets/<slug>/greeting.py"
        " and no reason snippets.unsupported.greeting in data/catalogue/<slug>.yaml for delta and gamma"
    )


def test_each_task_without_every_recipe_or_reason_gets_its_line(tmp_path: Path) -> None:
    write_project(tmp_path)
    (tmp_path / "data" / "tasks.yaml").write_text(yaml.safe_dump([*TASKS, GREETING, FAREWELL]))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert str(raised.value).splitlines() == [
        f"{tmp_path}/data/tasks.yaml: entry 'greeting': field '(recipes)': no recipe snippets/<slug>/greeting.py"
        " and no reason snippets.unsupported.greeting in data/catalogue/<slug>.yaml for demo",
        f"{tmp_path}/data/tasks.yaml: entry 'farewell': field '(recipes)': no recipe snippets/<slug>/farewell.py"
        " and no reason snippets.unsupported.farewell in data/catalogue/<slug>.yaml for demo",
    ]
