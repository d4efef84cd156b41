"""The integration check installs a package into a scratch copy of a framework's pinned environment, offline here: the
package is a wheel made by the test, and pip may look nowhere else."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT
from webatlas.catalogue.integrations import Integration, IntegrationPackage
from webatlas.maintenance.integration_check import check_one

BOTTLE_PIN = re.search(r"^bottle==(\S+)$", (ROOT / "snippets/bottle/requirements.txt").read_text(encoding="utf-8"), re.M)
PROBE = """\
from wsgiref.util import setup_testing_defaults
from bottle import Bottle
from demo_integration.bottle import greet

app = Bottle()
app.route("/")(greet)
environ = {}
setup_testing_defaults(environ)
started = []
body = b"".join(app(environ, lambda status, headers, exc_info=None: started.append(status)))
raise SystemExit(0 if started == ["200 OK"] and body == b"hello" else f"answered {started} {body!r}")
"""


def wheel(directory: Path, requires: str = "") -> Path:
    """demo-integration 1.0: a module that uses Bottle, as a package's integration module would."""
    path = directory / "demo_integration-1.0-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("demo_integration/__init__.py", "")
        archive.writestr("demo_integration/bottle.py", "import bottle\n\ndef greet():\n    return 'hello'\n")
        info = "demo_integration-1.0.dist-info"
        archive.writestr(f"{info}/METADATA", f"Metadata-Version: 2.1\nName: demo-integration\nVersion: 1.0\n{requires}")
        archive.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        archive.writestr(f"{info}/RECORD", "")
    return path


def package(module: str = "demo_integration.bottle") -> IntegrationPackage:
    return IntegrationPackage.model_validate(
        {
            "package": "demo-integration",
            "features": ["validation"],
            "source": "https://example.org/demo",
            "version": "1.0",
            "as_of": "2026-01-15",
            "integrations": [{"entry": "bottle", "module": module}, {"entry": "klein", "module": "demo_integration.klein"}],
        }
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A root whose Bottle environment is the real pinned one; the check copies it, so it stays untouched."""
    root = tmp_path / "project"
    (root / "snippets" / "bottle").mkdir(parents=True)
    (root / "snippets" / "bottle" / "requirements.txt").write_text((ROOT / "snippets/bottle/requirements.txt").read_text())
    (root / ".venvs").symlink_to(ROOT / ".venvs")
    return root


def offline(tmp_path: Path, requires: str = "") -> tuple[str, ...]:
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    wheel(wheels, requires)
    return ("--no-index", "--find-links", str(wheels))


def test_a_package_that_installs_imports_and_answers_through_its_probe(project: Path, tmp_path: Path) -> None:
    probe = project / "snippets/_integrations/demo-integration/bottle.py"
    probe.parent.mkdir(parents=True)
    probe.write_text(PROBE)
    before = sorted(path.name for path in (ROOT / ".venvs/bottle/lib").rglob("*") if "demo_integration" in path.name)
    result = check_one(project, package(), "1.0", package().integrations[0], "bottle", offline(tmp_path))
    assert result.failure is None, result.failure
    assert (result.framework_version, result.probed, result.module) == (BOTTLE_PIN and BOTTLE_PIN.group(1), True, "demo_integration.bottle")
    after = sorted(path.name for path in (ROOT / ".venvs/bottle/lib").rglob("*") if "demo_integration" in path.name)
    assert before == after == [], "the check must install into a copy, never into the framework's own environment"


def test_a_probe_that_gets_no_answer_is_a_failure(project: Path, tmp_path: Path) -> None:
    probe = project / "snippets/_integrations/demo-integration/bottle.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("raise SystemExit('answered 500')\n")
    result = check_one(project, package(), "1.0", package().integrations[0], "bottle", offline(tmp_path))
    assert result.failure is not None
    assert (result.failure.kind, result.failure.excerpt) == ("the probe app fails", "answered 500")


def test_a_module_that_is_not_there_fails_to_import(project: Path, tmp_path: Path) -> None:
    missing = package("demo_integration.flask")
    result = check_one(project, missing, "1.0", missing.integrations[0], "bottle", offline(tmp_path))
    assert result.failure is not None and result.failure.kind == "import fails"
    assert "No module named 'demo_integration.flask'" in result.failure.excerpt


def test_a_package_that_needs_another_framework_release_cannot_be_installed(project: Path, tmp_path: Path) -> None:
    needs_old_bottle = offline(tmp_path, "Requires-Dist: bottle==0.12.25\n")
    result = check_one(project, package(), "1.0", package().integrations[0], "bottle", needs_old_bottle)
    assert result.failure is not None and result.failure.kind == "cannot be installed beside the framework's pins"
    assert result.framework_version == (BOTTLE_PIN and BOTTLE_PIN.group(1))


def test_a_framework_without_a_pinned_environment_is_not_checked(project: Path, tmp_path: Path) -> None:
    # No framework has this entry's name, so it has no environment however many `make setup` built.
    result = check_one(project, package(), "1.0", Integration(entry="unbuilt", module="demo_integration.unbuilt"), "unbuilt", ())
    assert result.failure is not None and result.failure.kind == "no pinned environment of the framework"
    assert (result.framework_version, result.python, result.probed) == (None, None, False)
    assert result.failure.excerpt == "no environment .venvs/unbuilt: run `make setup` first"
