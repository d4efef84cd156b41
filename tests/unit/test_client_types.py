"""The site's scripts that declare JSDoc types (`// @ts-check`) pass TypeScript's checker, pinned in requirements/npm."""

from __future__ import annotations

import subprocess

import pytest

from tests.helpers import ROOT

TSC = ROOT / "requirements" / "npm" / "node_modules" / "typescript" / "bin" / "tsc"
CHECKED = ["charts.js", "side_by_side.js", "scroll_regions.js", "full_table.js", "picker.js", "sortable_tables.js"]
"""Scripts that must opt in; a new typed script is added here so that losing its pragma cannot go unnoticed."""


def test_typed_scripts_opt_in_and_type_check() -> None:
    if not TSC.exists():
        pytest.fail(f"{TSC} is missing: run `make setup`", pytrace=False)
    for name in CHECKED:
        assert (ROOT / "docs" / "assets" / "javascripts" / name).read_text().startswith("// @ts-check\n"), name
    config = ROOT / "tests" / "js" / "tsconfig.json"
    result = subprocess.run(["node", str(TSC), "-p", str(config)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
