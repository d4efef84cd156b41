"""The install check's results: what `data/install_check.json` holds, read by the build and written by `make check-installs`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from webatlas.catalogue.models import PastDate, Slug, Strict, Text
from webatlas.catalogue.reading import keyed_json, read_keyed_json

INSTALL_CHECK_FILE = "data/install_check.json"

FailureKind = Literal[
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


class PackageResult(Strict):
    """One catalogue entry's package: its latest release, and the fallback tried when the latest does not work."""

    package: Text
    module: Text
    latest: Attempt
    tested: Attempt | None
    """The newest older release whose Requires-Python admits this Python, tried when the latest fails; None otherwise."""

    @property
    def pinned(self) -> str | None:
        """The version the site pins and tests, or None when no release works here."""
        for attempt in (self.latest, self.tested):
            if attempt is not None and attempt.works:
                return attempt.version
        return None

    @model_validator(mode="after")
    def _fallback_only_when_needed(self) -> PackageResult:
        if self.tested is not None:
            if self.latest.works:
                raise ValueError("tested is given although the latest release works")
            if self.tested.version == self.latest.version:
                raise ValueError("tested must be another release than the latest")
        return self


class InstallCheck(Strict):
    """The whole file: where and when the check ran, and each entry's result, keyed by entry slug."""

    python: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+")]
    platform: Text
    checked_on: PastDate
    results: dict[Slug, PackageResult]


class InstallCheckError(RuntimeError):
    """The check itself could not run (no network, a timeout, output it cannot read): no fact about the package."""


def to_json(check: InstallCheck) -> str:
    return keyed_json(check, "results")


def load_install_check(path: Path) -> InstallCheck:
    return read_keyed_json(path, InstallCheck, items="results", item_model=PackageResult, remedy="run `make check-installs`")
