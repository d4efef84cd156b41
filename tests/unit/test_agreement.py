"""The hand-written catalogue agrees with the PyPI snapshot, the install check and the pinned snippet environments."""

from __future__ import annotations

import platform
import subprocess

import pytest

from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.models import Entry

CATALOGUE = load_catalogue(ROOT)
RUNNING = platform.python_version()
ON_PYPI = [entry for entry in CATALOGUE.entries.values() if entry.package]

CLASSIFIER_LICENCES = {
    "License :: OSI Approved :: MIT License": ("MIT",),
    "License :: OSI Approved :: BSD License": ("BSD-2-Clause", "BSD-3-Clause"),
    "License :: OSI Approved :: Apache Software License": ("Apache-2.0",),
}
"""What each trove classifier the catalogue's packages use allows as an SPDX id."""


def _licence_ids(expression: str) -> set[str]:
    return {part for part in expression.replace("(", " ").replace(")", " ").split() if part not in ("AND", "OR", "WITH")}


@pytest.mark.parametrize("entry", ON_PYPI, ids=lambda entry: entry.slug)
def test_licence_agrees_with_the_package_metadata(entry: Entry) -> None:
    assert entry.package is not None
    declared = CATALOGUE.snapshot.packages[entry.package.pypi].licence
    stated = entry.facts.licence.value
    if declared.expression:
        assert _licence_ids(declared.expression) == _licence_ids(stated)
        return
    known = [CLASSIFIER_LICENCES[classifier] for classifier in declared.classifiers if classifier in CLASSIFIER_LICENCES]
    unknown = [classifier for classifier in declared.classifiers if classifier not in CLASSIFIER_LICENCES]
    assert not unknown, f"add {unknown} to CLASSIFIER_LICENCES"
    if known:
        assert any(_licence_ids(stated) & set(allowed) for allowed in known), (stated, declared.classifiers)
    elif declared.text:
        assert any(part.lower() in declared.text.lower() for part in _licence_ids(stated)), (stated, declared.text)
    else:
        assert "pypi.org" not in entry.facts.licence.source, "PyPI states no licence, so the source must be the project's own"


@pytest.mark.parametrize("entry", ON_PYPI, ids=lambda entry: entry.slug)
def test_install_check_ran_on_this_python_against_the_snapshot(entry: Entry) -> None:
    assert entry.package is not None
    result = CATALOGUE.install_check.results[entry.slug]
    package = CATALOGUE.snapshot.packages[entry.package.pypi]
    assert (result.package, result.module) == (entry.package.pypi, entry.package.module)
    assert result.latest_version == package.latest_version
    for on_python in result.pythons.values():
        if on_python.tested is not None:
            assert on_python.tested.version in {release.version for release in package.releases}
    assert result.on(RUNNING) is not None, "rerun `make check-installs`: it did not run on the Python the site is built with"


@pytest.mark.parametrize("slug", sorted(CATALOGUE.environments))
def test_snippets_pin_the_release_the_install_check_found_working(slug: str) -> None:
    chosen = CATALOGUE.snippet_python(CATALOGUE.entries[slug])
    assert chosen is not None, f"no release of {slug} works on any Python checked, yet it has recipes"
    assert CATALOGUE.environments[slug].version == chosen[1]


@pytest.mark.parametrize("slug", sorted(CATALOGUE.environments))
def test_each_environment_runs_the_newest_python_its_release_works_on(slug: str) -> None:
    python = ROOT / ".venvs" / slug / "bin" / "python"
    if not python.exists():
        pytest.fail(f"no environment for {slug}: run `make setup`")
    command = [python, "-c", "import platform; print(platform.python_version())"]
    version = subprocess.run(command, capture_output=True, text=True, check=True)
    chosen = CATALOGUE.snippet_python(CATALOGUE.entries[slug])
    assert chosen is not None and version.stdout.strip().startswith(chosen[0] + "."), f"rebuild it: rm -rf .venvs/{slug} && make setup"
