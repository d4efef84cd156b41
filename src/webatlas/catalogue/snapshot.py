"""The dated PyPI snapshot: release facts of every catalogue package, read from PyPI's JSON API by the refresh command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from packaging.version import InvalidVersion, Version
from pydantic import Field, model_validator

from webatlas.catalogue.models import PastDate, Release, Strict, Text
from webatlas.catalogue.reading import keyed_json, read_keyed_json
from webatlas.catalogue.status import months_between

PYPI_JSON_URL = "https://pypi.org/pypi/{name}/json"
"""Where each package's facts come from; the snapshot cites it as the source."""


class PyPIRelease(Strict):
    """One version with at least one file on PyPI that is not yanked."""

    version: Text
    date: PastDate
    """The day its first file was uploaded."""
    requires_python: str | None
    """The Requires-Python its files declare, or None when they declare none."""


class PackageLicence(Strict):
    """What the package metadata says about its licence, in the three places it may say it."""

    expression: str | None
    """The SPDX `License-Expression` (PEP 639), when declared."""
    text: str | None
    """The first line of the free-form `License` field, when filled."""
    classifiers: list[str]
    """Trove `License ::` classifiers."""


class PackageSnapshot(Strict):
    """One package's release history and metadata as PyPI served it."""

    name: Text
    latest_version: Text
    """The version PyPI presents as current: the newest release that is not a pre-release."""
    licence: PackageLicence
    releases: Annotated[list[PyPIRelease], Field(min_length=1)]
    """Oldest first."""

    @model_validator(mode="after")
    def _latest_is_a_release(self) -> PackageSnapshot:
        if self.latest_version not in {release.version for release in self.releases}:
            raise ValueError(f"latest_version {self.latest_version!r} is not among the releases")
        return self

    @property
    def first_release(self) -> Release:
        first = self.releases[0]
        return Release(version=first.version, date=first.date)

    @property
    def latest(self) -> PyPIRelease:
        return next(release for release in self.releases if release.version == self.latest_version)

    @property
    def latest_release(self) -> Release:
        return Release(version=self.latest.version, date=self.latest.date)

    @property
    def release_count(self) -> int:
        return len(self.releases)

    @property
    def requires_python(self) -> str | None:
        """The latest release's Requires-Python, which is what pip enforces today."""
        return self.latest.requires_python

    @property
    def source(self) -> str:
        return PYPI_JSON_URL.format(name=self.name)


class PyPISnapshot(Strict):
    """Every catalogue package on one day."""

    as_of: PastDate
    packages: dict[str, PackageSnapshot]
    """Keyed by the distribution name the catalogue uses."""

    def unmaintained_since(self, name: str, window_months: int) -> dt.date | None:
        """The day of the package's newest release when that is `window_months` or more before the snapshot, else None:
        by the third-party rule, such a package no longer counts."""
        newest = max(release.date for release in self.packages[name].releases)
        return newest if months_between(newest, self.as_of) >= window_months else None


def _sort_key(release: PyPIRelease) -> tuple[dt.date, Version | str]:
    try:
        return release.date, Version(release.version)
    except InvalidVersion:
        # Some old releases predate PEP 440; they still sort by day, then by text.
        return release.date, release.version


def _first_line(text: object) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return None
    return text.strip().splitlines()[0].strip()[:200]


def package_from_pypi(answer: Mapping[str, Any]) -> dict[str, Any]:
    """Reduce PyPI's JSON answer for one package to the raw fields of a PackageSnapshot; shape errors raise KeyError or TypeError."""
    info = answer["info"]
    releases = []
    for version, files in answer["releases"].items():
        kept = [file for file in files if not file.get("yanked", False)]
        if not kept:
            continue
        uploaded = min(file["upload_time_iso_8601"] for file in kept)
        declared = next((file["requires_python"] for file in kept if file.get("requires_python")), None)
        releases.append(PyPIRelease(version=version, date=dt.date.fromisoformat(uploaded[:10]), requires_python=declared))
    releases.sort(key=_sort_key)
    return {
        "name": info["name"],
        "latest_version": info["version"],
        "licence": {
            "expression": info.get("license_expression") or None,
            "text": _first_line(info.get("license")),
            "classifiers": sorted(c for c in info.get("classifiers") or [] if c.startswith("License ::")),
        },
        "releases": [release.model_dump(mode="json") for release in releases],
    }


def to_json(snapshot: PyPISnapshot) -> str:
    return keyed_json(snapshot, "packages")


def load_snapshot(path: Path) -> PyPISnapshot:
    remedy = "run `make refresh` to take a PyPI snapshot"
    return read_keyed_json(path, PyPISnapshot, items="packages", item_model=PackageSnapshot, remedy=remedy)
