"""Fixtures shared by the build and browser tests: one offline build of the whole site per session."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT

OFFLINE_GUARD = Path(__file__).parent / "offline"


@dataclass(frozen=True)
class Build:
    """The result of one `mkdocs build --strict` run."""

    returncode: int
    output: str
    site_dir: Path
    network_attempts: list[str]


def offline_env(network_log: Path) -> dict[str, str]:
    """Environment for a subprocess whose non-loopback connections are refused and logged."""
    # NO_MKDOCS_2_WARNING silences a notice Material prints about its successor on every build.
    return {**os.environ, "PYTHONPATH": str(OFFLINE_GUARD), "WEBATLAS_NETWORK_LOG": str(network_log), "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site_dir: Path) -> Build:
    """Build `project` strictly, offline, into `site_dir`."""
    network_log = site_dir.parent / f"{site_dir.name}-network.log"
    network_log.write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=offline_env(network_log), capture_output=True, text=True, timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site_dir, network_log.read_text().splitlines())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session with the network refused."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("build") / "site")
    assert build.returncode == 0, build.output
    return build
