"""Task test_client: each framework's test file passes under its documented command in the framework's own environment,
runs at least two tests against the json_body recipe, one of them a refused body, and raises no warning of its own."""

import re
import shlex
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.snippets.cases import snippets_for
from tests.snippets.running import unexplained_warnings
from webatlas import processes
from webatlas.catalogue.snippets import Snippet

pytestmark = pytest.mark.snippet

RUN_S = 120
REFUSED_STATUS = re.compile(r"\b4(?:00|22)\b")
"""The 4xx a refused body gets in the json_body recipes: 400 or 422."""


def pytest_options(folder: Path, report: Path) -> str:
    """What the suite adds to the documented command: this project's pytest settings stay out, nothing is cached in the
    snippet's folder, and a JUnit report says how many tests ran."""
    return f"-c /dev/null --rootdir={folder} -p no:cacheprovider --junitxml={report}"


@pytest.mark.parametrize("snippet", snippets_for("test_client"))
def test_the_test_file_passes_in_its_framework_environment(snippet: Snippet, tmp_path: Path) -> None:
    report = tmp_path / "report.xml"
    folder = snippet.path.parent
    argv = shlex.split(snippet.command())
    command = processes.environment_command(ROOT, snippet.entry.slug, argv, cwd=folder, log=tmp_path / "unused.log")
    env = {**command.env, "PYTEST_ADDOPTS": pytest_options(folder, report), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(command.argv, cwd=folder, env=env, capture_output=True, text=True, timeout=RUN_S, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{snippet.command()} failed in .venvs/{snippet.entry.slug}:\n{output}"
    suite = ET.parse(report).getroot().find("testsuite")
    assert suite is not None
    counts = {name: int(suite.get(name, "0")) for name in ("tests", "failures", "errors", "skipped")}
    assert counts["tests"] >= 2 and counts["failures"] == counts["errors"] == counts["skipped"] == 0, counts
    assert not unexplained_warnings(output, snippet.entry.slug), output


@pytest.mark.parametrize("snippet", snippets_for("test_client"))
def test_the_test_file_tests_the_json_body_recipe_and_a_refused_body(snippet: Snippet) -> None:
    source = snippet.path.read_text(encoding="utf-8")
    assert re.search(r"^(from json_body import|import json_body)", source, re.MULTILINE), "it does not import the json_body recipe"
    assert REFUSED_STATUS.search(source), "it checks no 400 or 422 answer"
