"""PyPI's JSON answer becomes a snapshot that states the release facts the site shows."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pypi_answers import pypi_answer
from webatlas.catalogue.snapshot import PackageSnapshot, PyPISnapshot, package_from_pypi, to_json


def snapshot_of(answer: dict[str, object]) -> PackageSnapshot:
    return PackageSnapshot.model_validate(package_from_pypi(answer))


def test_release_facts_come_from_files_that_are_not_yanked() -> None:
    package = snapshot_of(pypi_answer())
    assert [release.version for release in package.releases] == ["0.1", "1.0", "2.0b1"]
    assert package.first_release.date == dt.date(2019, 1, 2)
    assert (package.latest_release.version, package.latest_release.date) == ("1.0", dt.date(2025, 6, 29))
    assert package.release_count == 3
    assert package.requires_python == ">=3.10", "the latest release's files decide, not the project-wide field"
    assert package.licence.expression == "MIT"
    assert package.licence.classifiers == ["License :: OSI Approved :: MIT License"]
    assert package.source == "https://pypi.org/pypi/demo/json"


def test_a_latest_version_without_files_is_refused() -> None:
    answer = pypi_answer(latest="0.7")
    with pytest.raises(ValueError, match=r"latest_version '0\.7' is not among the releases"):
        snapshot_of(answer)


def test_the_free_form_licence_keeps_its_first_line() -> None:
    answer = pypi_answer()
    answer["info"]["license"] = "BSD License\n\nCopyright (c) somebody\nRedistribution and use ..."  # type: ignore[index]
    assert snapshot_of(answer).licence.text == "BSD License"


def test_snapshot_text_is_stable() -> None:
    packages = {name: snapshot_of(pypi_answer(name)) for name in ("zeta", "alpha")}
    first = to_json(PyPISnapshot(as_of=dt.date(2026, 1, 1), packages=packages))
    second = to_json(PyPISnapshot(as_of=dt.date(2026, 1, 1), packages=dict(reversed(packages.items()))))
    assert first == second
    assert first.index('"alpha"') < first.index('"zeta"')
