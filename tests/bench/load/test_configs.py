"""Which configurations the benchmark times: one shared server setup per interface, own servers as documented, raw apps."""

from __future__ import annotations

import pytest

from tests.helpers import ROOT
from webatlas.bench.errors import BenchError
from webatlas.bench.load.configs import framework_configurations, raw_configurations
from webatlas.bench.load.run import CURVE, HEADLINE_CONCURRENCY, LoadOptions, plan
from webatlas.catalogue.benchmarks.scenarios import SCENARIOS
from webatlas.catalogue.benchmarks.server_setups import GUNICORN, UVICORN
from webatlas.catalogue.loading import load_catalogue

CATALOGUE = load_catalogue(ROOT)
TASKS = {scenario.task for scenario in SCENARIOS}


def test_every_snippet_of_a_timed_task_runs_under_its_interfaces_shared_setup_and_its_own_server() -> None:
    configurations = framework_configurations(CATALOGUE)
    expected = set()
    for snippet in CATALOGUE.snippets:
        if snippet.task.slug not in TASKS:
            continue
        interfaces = snippet.entry.facts.interfaces.value
        if "ASGI" in interfaces:
            expected.add((snippet.entry.slug, snippet.task.slug, "uvicorn"))
        elif "WSGI" in interfaces:
            expected.add((snippet.entry.slug, snippet.task.slug, "gunicorn"))
        if "own" in interfaces:
            expected.add((snippet.entry.slug, snippet.task.slug, "own"))
    assert {(item.subject, item.scenario.task, item.server) for item in configurations} == expected
    assert ("sanic", "hello_text", "uvicorn") in expected and ("sanic", "hello_text", "own") in expected


def test_the_shared_setups_differ_only_in_the_app_they_load() -> None:
    for item in framework_configurations(CATALOGUE):
        if item.server in ("uvicorn", "gunicorn"):
            template = UVICORN if item.server == "uvicorn" else GUNICORN
            target = item.command.split()[1]
            assert item.command == template.replace("{target}", target)
            assert target.startswith(f"{item.scenario.task}:")
    uvicorn = {item.command.split(maxsplit=2)[2] for item in framework_configurations(CATALOGUE) if item.server == "uvicorn"}
    flags = "--host 127.0.0.1 --port {port} --workers 1 --loop uvloop --http httptools --interface asgi3 --no-access-log"
    flags += " --log-level warning"
    assert uvicorn == {flags}


def test_own_servers_run_the_documented_command() -> None:
    for item in framework_configurations(CATALOGUE):
        if item.server == "own":
            snippet = next(s for s in CATALOGUE.snippets if s.entry.slug == item.subject and s.task.slug == item.scenario.task)
            assert item.command.replace("{port}", "8000") == snippet.command()


def test_raw_apps_run_on_every_server_and_along_the_curve() -> None:
    assert {(item.subject, item.server) for item in raw_configurations()} == {
        ("raw-asgi", "uvicorn"),
        ("raw-asgi", "hypercorn"),
        ("raw-asgi", "granian"),
        ("raw-asgi", "daphne"),
        ("raw-wsgi", "gunicorn"),
        ("raw-wsgi", "granian"),
    }
    planned = plan(ROOT, LoadOptions())
    for item in planned:
        raw = item.configuration.subject.startswith("raw-")
        assert item.concurrency in (CURVE if raw else (HEADLINE_CONCURRENCY,))
    assert len(planned) == len(raw_configurations()) * len(CURVE) + len(framework_configurations(CATALOGUE))


def test_only_narrows_the_plan_and_an_unknown_name_fails() -> None:
    names = {item.configuration.name for item in plan(ROOT, LoadOptions(only=("fastapi", "raw-wsgi/hello_text@gunicorn")))}
    assert names == {f"fastapi/{task}@uvicorn" for task in TASKS} | {"raw-wsgi/hello_text@gunicorn"}
    with pytest.raises(BenchError, match="no configuration is named nothing-here"):
        plan(ROOT, LoadOptions(only=("nothing-here",)))
