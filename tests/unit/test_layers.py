"""The import contracts in pyproject.toml hold for the package, and fail on a back-edge between layers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(source: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter with the project's contracts over the `webatlas` package found under `source`."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=source.parent,
        env={"PYTHONPATH": str(source), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of src/ to break on purpose."""
    source = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "webatlas", source / "webatlas", ignore=shutil.ignore_patterns("__pycache__"))
    return source


def test_the_package_keeps_its_contracts(package_copy: Path) -> None:
    result = lint_imports(package_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "import_line", "edge"),
    [
        ("catalogue/cross_checks.py", "from webatlas.site import cookbook", "webatlas.catalogue.cross_checks -> webatlas.site.cookbook"),
        ("comparison/rows.py", "from webatlas.choosing import scoring", "webatlas.comparison.rows -> webatlas.choosing.scoring"),
        ("site/render.py", "from webatlas.bench.load import wrk", "webatlas.site.render -> webatlas.bench.load.wrk"),
        ("bench/load/run.py", "from webatlas.comparison import table", "webatlas.bench.load.run -> webatlas.comparison.table"),
        ("writing.py", "from webatlas.catalogue import models", "webatlas.writing -> webatlas.catalogue.models"),
        ("processes.py", "from webatlas import writing", "webatlas.processes -> webatlas.writing"),
    ],
)
def test_a_back_edge_breaks_a_contract(package_copy: Path, module: str, import_line: str, edge: str) -> None:
    path = package_copy / "webatlas" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{import_line}  # noqa: E402\n", encoding="utf-8")
    result = lint_imports(package_copy)
    assert result.returncode != 0
    assert edge in result.stdout


def test_a_module_outside_every_layer_breaks_the_contract(package_copy: Path) -> None:
    (package_copy / "webatlas" / "stray.py").write_text('"""Belongs to no layer."""\n', encoding="utf-8")
    result = lint_imports(package_copy)
    assert result.returncode != 0
    assert "webatlas.stray" in result.stdout
