"""Fixtures shared by the build and browser tests: one offline build of the whole site and one of the small made-up site
per session, and a server for each."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.building import Build, mkdocs_build
from tests.helpers import ROOT
from tests.small_site import build_small_site
from webatlas.bench.site.serving import served as served_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session with the network refused."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("build") / "site")
    assert build.returncode == 0, build.output
    return build


@contextmanager
def served(directory: Path) -> Iterator[str]:
    """`directory` served over HTTP on a free loopback port while the block runs; yields its base URL, no trailing `/`."""
    with served_site(directory, compress=False) as url:
        yield url.rstrip("/")


@pytest.fixture(scope="session")
def site_url(built_site: Build) -> Iterator[str]:
    """The built site served over HTTP on a free loopback port, for the whole session."""
    with served(built_site.site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The small made-up catalogue of tests/small_site.py in the real site, built once per session for its SITE_URL."""
    build = build_small_site(tmp_path_factory.mktemp("small"))
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def small_site_url(small_site: Build) -> Iterator[str]:
    """The small site served over HTTP on a free loopback port, for the whole session."""
    with served(small_site.site_dir) as url:
        yield url
