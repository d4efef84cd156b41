"""Fixtures shared by the build and browser tests: one offline build of the whole site per session."""

from __future__ import annotations

import pytest

from tests.building import Build, mkdocs_build
from tests.helpers import ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session with the network refused."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("build") / "site")
    assert build.returncode == 0, build.output
    return build
