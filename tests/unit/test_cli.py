"""The `webatlas` subcommands that pick interpreters and check installs: their arguments, what they print, and how they
refuse, all offline on small factory projects."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.factories import entry, write_project
from tests.helpers import only_the_running_python
from webatlas.cli import main
from webatlas.maintenance.interpreters import PYTHONS

RUNNING = platform.python_version()
RUNNING_MINOR = RUNNING.rsplit(".", 1)[0]
WORKS = {"version": "1.0", "installs": True, "imports": True, "failure": None}
FAILS = {"version": "1.0", "installs": False, "imports": False, "failure": {"kind": "build from source fails", "excerpt": "error"}}
CHECK_FILE = Path("data") / "install_check.json"


def project(root: Path, on_pythons: dict[str, dict[str, Any]]) -> Path:
    """One entry, `demo`, whose install check ran on the Pythons of `on_pythons` with those latest attempts."""
    write_project(root)
    pythons = {python: {"latest": attempt, "tested": None} for python, attempt in on_pythons.items()}
    check = {
        "pythons": list(on_pythons),
        "platform": "linux-x86_64",
        "checked_on": "2026-01-15",
        "results": {"demo": {"package": "demo", "module": "demo", "pythons": pythons}},
    }
    (root / CHECK_FILE).write_text(json.dumps(check))
    return root


@pytest.fixture(autouse=True)
def no_other_pythons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever pyenv this machine has, the commands find the running Python and no other."""
    only_the_running_python(tmp_path, monkeypatch)


def test_snippet_python_prints_the_interpreter_of_the_newest_python_a_release_works_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "project", {"3.99.0": FAILS, RUNNING: WORKS})
    assert main(["--root", str(root), "snippet-python", "demo"]) == 0
    assert capsys.readouterr() == (f"{sys.executable}\n", "")


def test_snippet_python_says_when_that_python_is_not_on_this_machine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "project", {"3.99.0": WORKS, RUNNING: FAILS})
    assert main(["--root", str(root), "snippet-python", "demo"]) == 1
    message = "webatlas snippet-python: Python 3.99: not found (neither the running Python nor pyenv has it); nothing is recorded for it\n"
    assert capsys.readouterr() == ("", message)


def test_snippet_python_refuses_a_release_that_works_nowhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "project", {RUNNING: FAILS})
    assert main(["--root", str(root), "snippet-python", "demo"]) == 1
    assert capsys.readouterr() == ("", "webatlas snippet-python: no release of 'demo' installs on any Python the install check ran\n")


def test_snippet_python_refuses_an_unknown_slug(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "project", {RUNNING: WORKS})
    assert main(["--root", str(root), "snippet-python", "Demo"]) == 1
    assert capsys.readouterr() == ("", "webatlas snippet-python: 'Demo' is no catalogue entry\n")


def test_snippet_python_reports_bad_data_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path / "project", {RUNNING: WORKS})
    (root / CHECK_FILE).write_text("{")
    assert main(["--root", str(root), "snippet-python", "demo"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"webatlas snippet-python: {root / CHECK_FILE}: ") and err.count("\n") == 1


def test_python_prints_the_running_interpreter_for_its_own_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["python", RUNNING_MINOR]) == 0
    assert capsys.readouterr() == (f"{sys.executable}\n", "")


def test_python_says_in_one_line_that_a_version_is_missing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["python", "3.99"]) == 1
    message = "webatlas python: Python 3.99: not found (neither the running Python nor pyenv has it); nothing is recorded for it\n"
    assert capsys.readouterr() == ("", message)


@pytest.mark.parametrize(
    "arguments",
    [["python"], ["python", "3.12", "3.13"], ["snippet-python"], ["check-installs", "fastapi"]],
    ids=["python without a version", "python with two", "snippet-python without a slug", "check-installs with a slug"],
)
def test_wrong_arguments_print_the_usage_and_exit_2(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(arguments)
    assert exited.value.code == 2
    assert capsys.readouterr().err.startswith("usage: webatlas")


def test_check_installs_refuses_bad_data_in_one_line_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path / "project", [entry(), entry("other", "https://github.com/demo/other")])
    snapshot = json.loads((root / "data" / "pypi_snapshot.json").read_text())
    del snapshot["packages"]["other"]
    (root / "data" / "pypi_snapshot.json").write_text(json.dumps(snapshot))
    before = (root / CHECK_FILE).read_bytes()
    assert main(["--root", str(root), "check-installs"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"webatlas check-installs: {root / 'data' / 'pypi_snapshot.json'}: entry 'other': field 'packages': "
        "no snapshot of 'other': run `make refresh`; data/install_check.json is unchanged\n"
    )
    assert (root / CHECK_FILE).read_bytes() == before


@pytest.mark.timeout(120)
def test_check_installs_without_a_package_index_says_so_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What an offline machine sees: pip cannot fetch the installer each check environment pins."""
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_CONFIG_FILE", "/dev/null")
    monkeypatch.delenv("PIP_FIND_LINKS", raising=False)
    root = write_project(tmp_path / "project")
    before = (root / CHECK_FILE).read_bytes()
    assert main(["--root", str(root), "check-installs"]) == 1
    out, err = capsys.readouterr()
    missing = [
        f"Python {python}: not found (neither the running Python nor pyenv has it); nothing is recorded for it" for python in PYTHONS
    ]
    progress = [line for line in missing if not line.startswith(f"Python {RUNNING_MINOR}:")]
    assert out.splitlines() == [*progress, f"demo: checking demo 1.0 on Python {RUNNING_MINOR}"]
    assert err.startswith("webatlas check-installs: could not prepare a venv (-m pip install --progress-bar off pip==26.3):\n")
    assert err.endswith("; data/install_check.json is unchanged\n")
    assert (root / CHECK_FILE).read_bytes() == before
