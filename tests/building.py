"""Run MkDocs the way the tests need it: strictly, offline, on the real project or a copy that a test may break."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import ROOT
from webatlas.catalogue.serving import SERVERS_REQUIREMENTS

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


def mkdocs_build(project: Path, site_dir: Path, site_url: str | None = None) -> Build:
    """Build `project` strictly, offline, into `site_dir`, for the address `site_url` or mkdocs.yml's default."""
    network_log = site_dir.parent / f"{site_dir.name}-network.log"
    network_log.write_text("")
    env = {name: value for name, value in offline_env(network_log).items() if name != "SITE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env | ({"SITE_URL": site_url} if site_url else {}),
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site_dir, network_log.read_text().splitlines())


PROJECT_PARTS = ["mkdocs.yml", "docs", "hooks", "overrides", "data", "snippets", "src", SERVERS_REQUIREMENTS]


def copy_project(destination: Path, parts: Sequence[str] = PROJECT_PARTS) -> Path:
    """A copy of the project's site sources, or of `parts` of the project, that a test may break."""
    destination.mkdir(exist_ok=True)
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (destination / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / part)
    return destination


def read_page(build: Build, path: str) -> str:
    """A file of the built site, such as `catalogue/fastapi/index.html`."""
    return (build.site_dir / path).read_text(encoding="utf-8")


def shown(markup: str) -> str:
    """What a reader sees of some HTML: tags dropped, entities decoded, white space kept."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))
