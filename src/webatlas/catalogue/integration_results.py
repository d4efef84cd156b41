"""The integration check's results: what `data/integration_check.json` holds, written by `make check-integrations`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import model_validator

from webatlas.catalogue.models import PastDate, Slug, Strict, Text
from webatlas.catalogue.reading import keyed_json, read_keyed_json

INTEGRATION_CHECK_FILE = "data/integration_check.json"
PROBES_DIR = "snippets/_integrations"
"""`<package>/<entry>.py`: a tiny app using the integration that sends itself one request and exits 0 when answered."""

FailureKind = Literal[
    "no pinned environment of the framework",
    "cannot be installed beside the framework's pins",
    "import fails",
    "the probe app fails",
]


class IntegrationFailure(Strict):
    kind: FailureKind
    excerpt: Text
    """The few most telling lines of pip's or Python's output."""


class IntegrationResult(Strict):
    """One package beside one framework's pinned release, in a scratch copy of that framework's environment."""

    framework_version: Text | None
    """The framework release pinned by its snippets, or None when it has no pinned environment."""
    python: Text | None
    module: Text
    probed: bool
    """Whether a probe app in snippets/_integrations/ sent a request through the integration."""
    failure: IntegrationFailure | None

    @property
    def works(self) -> bool:
        return self.failure is None

    @model_validator(mode="after")
    def _environment_when_checked(self) -> IntegrationResult:
        unchecked = self.failure is not None and self.failure.kind == "no pinned environment of the framework"
        if unchecked != (self.framework_version is None):
            raise ValueError("framework_version is missing exactly when the framework has no pinned environment")
        return self


class PackageIntegrations(Strict):
    version: Text
    """The release installed: the PyPI snapshot's latest when the check ran."""
    entries: dict[Slug, IntegrationResult]


class IntegrationCheck(Strict):
    checked_on: PastDate
    platform: Text
    results: dict[Text, PackageIntegrations]
    """By package name."""

    def works(self, package: str, entry: str) -> bool:
        result = self.results.get(package)
        found = result.entries.get(entry) if result is not None else None
        return found is not None and found.works


def to_json(check: IntegrationCheck) -> str:
    return keyed_json(check, "results")


def load_integration_check(path: Path) -> IntegrationCheck:
    remedy = "run `make check-integrations`"
    return read_keyed_json(path, IntegrationCheck, items="results", item_model=PackageIntegrations, remedy=remedy)
