"""The install check's results: what `data/install_check.json` holds, read by the build and written by `make check-installs`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from webatlas.catalogue.models import PastDate, Slug, Strict, Text
from webatlas.catalogue.reading import keyed_json, read_keyed_json

INSTALL_CHECK_FILE = "data/install_check.json"

FailureKind = Literal[
    "the release does not support this Python",
    "no installable distribution for this Python",
    "build of the C extension fails",
    "build from source fails",
    "dependency cannot be installed",
    "import fails",
]
Step = Literal["install", "import"]


class Failure(Strict):
    kind: FailureKind
    excerpt: Text
    """The few most telling lines of pip's or Python's output, free of colour codes and temporary paths."""


class Attempt(Strict):
    """One release tried in a fresh environment."""

    version: Text
    installs: bool
    imports: bool
    failure: Failure | None

    @property
    def works(self) -> bool:
        return self.installs and self.imports

    @model_validator(mode="after")
    def _failure_explains_the_outcome(self) -> Attempt:
        if self.imports and not self.installs:
            raise ValueError("imports is true but installs is false")
        if self.works != (self.failure is None):
            raise ValueError("failure is given exactly when the release does not both install and import")
        if self.failure is not None and (self.failure.kind == "import fails") != self.installs:
            raise ValueError(f"failure kind {self.failure.kind!r} does not fit installs={self.installs}")
        return self


PythonVersion = Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]


def python_key(python: str) -> tuple[int, ...]:
    """Sorts `3.9.1` before `3.11.7`."""
    return tuple(int(part) for part in python.split("."))


def minor(python: str) -> str:
    """`3.12` for `3.12.1`: how pages name a Python."""
    return ".".join(python.split(".")[:2])


class PythonResult(Strict):
    """One package on one Python: its latest release, and the fallback tried when the latest does not work there."""

    latest: Attempt
    tested: Attempt | None
    """The newest older release whose Requires-Python admits this Python, tried when the latest fails; None otherwise."""

    @property
    def pinned(self) -> str | None:
        """The version that works on this Python, or None when no release tried does."""
        for attempt in (self.latest, self.tested):
            if attempt is not None and attempt.works:
                return attempt.version
        return None

    @model_validator(mode="after")
    def _fallback_only_when_needed(self) -> PythonResult:
        if self.tested is not None:
            if self.latest.works:
                raise ValueError("tested is given although the latest release works")
            if self.tested.version == self.latest.version:
                raise ValueError("tested must be another release than the latest")
        return self


class PackageResult(Strict):
    """One catalogue entry's package, checked on every Python the check found, keyed by the full Python version."""

    package: Text
    module: Text
    pythons: Annotated[dict[PythonVersion, PythonResult], Field(min_length=1)]

    @model_validator(mode="after")
    def _same_latest_everywhere(self) -> PackageResult:
        if len({result.latest.version for result in self.pythons.values()}) > 1:
            raise ValueError("every Python must be checked against the same latest release")
        return self

    @property
    def latest_version(self) -> str:
        return next(iter(self.pythons.values())).latest.version

    def on(self, python: str) -> PythonResult | None:
        """The result on the Python whose minor version is `python` (`3.12` or `3.12.1`)."""
        return next((result for version, result in self.pythons.items() if minor(version) == minor(python)), None)

    @property
    def latest_works_on(self) -> list[str]:
        """The Pythons, as `3.12`, on which the latest release installs and imports."""
        return [minor(version) for version, result in self.pythons.items() if result.latest.works]

    @property
    def newest_working(self) -> tuple[str, str] | None:
        """(Python, version) on the newest Python where some release works, preferring the latest release."""
        for version, result in sorted(self.pythons.items(), key=lambda item: python_key(item[0]), reverse=True):
            if result.latest.works:
                return minor(version), result.latest.version
        for version, result in sorted(self.pythons.items(), key=lambda item: python_key(item[0]), reverse=True):
            if result.pinned is not None:
                return minor(version), result.pinned
        return None


class InstallCheck(Strict):
    """The whole file: where and when the check ran, on which Pythons, and each entry's result, keyed by entry slug."""

    pythons: Annotated[list[PythonVersion], Field(min_length=1)]
    """Every interpreter the check found and ran on; one missing when the check ran is not listed."""
    platform: Text
    checked_on: PastDate
    results: dict[Slug, PackageResult]

    @property
    def ordered_pythons(self) -> list[str]:
        """The Pythons checked, oldest first."""
        return sorted(self.pythons, key=python_key)

    @model_validator(mode="after")
    def _every_result_covers_every_python(self) -> InstallCheck:
        for slug, result in self.results.items():
            if sorted(result.pythons) != sorted(self.pythons):
                raise ValueError(f"result {slug!r} covers Pythons {sorted(result.pythons)}, not {sorted(self.pythons)}")
        return self


class InstallCheckError(RuntimeError):
    """The check itself could not run (no network, a timeout, output it cannot read): no fact about the package."""


def to_json(check: InstallCheck) -> str:
    return keyed_json(check, "results")


def load_install_check(path: Path) -> InstallCheck:
    return read_keyed_json(path, InstallCheck, items="results", item_model=PackageResult, remedy="run `make check-installs`")
