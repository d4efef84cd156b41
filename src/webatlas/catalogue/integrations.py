"""`data/integrations.yaml`: maintained packages that ship integration code for several catalogue frameworks.

A framework's third-party cell for a feature is derived from this registry and the integration check, so that it does
not depend on which packages the person judging the cell happened to know.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, HttpUrl, model_validator

from webatlas.catalogue.integration_results import IntegrationCheck
from webatlas.catalogue.models import PACKAGE_PATTERN, Entry, Feature, PastDate, Slug, Strict, Text
from webatlas.catalogue.reading import CatalogueError, read_yaml, validate
from webatlas.catalogue.snapshot import PyPISnapshot

INTEGRATIONS_FILE = "data/integrations.yaml"
MODULE_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"


class Integration(Strict):
    """One framework a package integrates with, and the module of the package that does it."""

    entry: Slug
    module: Annotated[str, Field(pattern=MODULE_PATTERN)]
    """Importing it is the first proof; the integration check imports it beside the framework's pinned release."""


class IntegrationPackage(Strict):
    package: Annotated[str, Field(pattern=PACKAGE_PATTERN)]
    features: Annotated[list[Slug], Field(min_length=1)]
    source: HttpUrl
    """Where the package documents its integrations."""
    version: Text
    """The release whose integration modules were read."""
    as_of: PastDate
    integrations: Annotated[list[Integration], Field(min_length=2)]
    """Two at least: a package made for one framework is stated in that framework's own cell instead."""
    note: Text | None = None

    @model_validator(mode="after")
    def _each_entry_once(self) -> IntegrationPackage:
        entries = [integration.entry for integration in self.integrations]
        repeated = sorted({entry for entry in entries if entries.count(entry) > 1})
        if repeated:
            raise ValueError(f"{repeated[0]!r} is listed twice")
        return self

    def integration_for(self, entry: str) -> Integration | None:
        return next((integration for integration in self.integrations if integration.entry == entry), None)


def load_integrations(path: Path, entries: Mapping[str, Entry], features: Mapping[str, Feature]) -> dict[str, IntegrationPackage]:
    """Every package by name, each naming known entries and features that the entries state and that admit a package."""
    raw = read_yaml(path)
    if not isinstance(raw, list):
        raise CatalogueError(path, "(file)", "(top level)", "expected a list of packages")
    packages: dict[str, IntegrationPackage] = {}
    for number, item in enumerate(raw, start=1):
        name = item.get("package") if isinstance(item, dict) else None
        label = name if isinstance(name, str) else f"#{number}"
        package = validate(IntegrationPackage, item, file=path, entry=label)
        if package.package in packages:
            raise CatalogueError(path, label, "package", "listed twice")
        for index, slug in enumerate(package.features):
            feature = features.get(slug)
            if feature is None:
                raise CatalogueError(path, label, f"features.{index}", f"{slug!r} is not a feature of data/features.yaml")
            if feature.provided_by == "server":
                raise CatalogueError(path, label, f"features.{index}", f"{slug} comes from servers, not from packages")
        for index, integration in enumerate(package.integrations):
            entry = entries.get(integration.entry)
            if entry is None:
                raise CatalogueError(path, label, f"integrations.{index}.entry", f"{integration.entry!r} is no catalogue entry")
            unfit = [slug for slug in package.features if entry.layer not in features[slug].layers]
            if unfit:
                problem = f"{features[unfit[0]].name} does not apply to {entry.name}, a {entry.layer}"
                raise CatalogueError(path, label, f"integrations.{index}.entry", problem)
        packages[package.package] = package
    return packages


@dataclass(frozen=True)
class Derivation:
    """The registry packages that the integration check verified for one framework and one feature."""

    packages: tuple[IntegrationPackage, ...]
    checked_on: dt.date

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(package.package for package in self.packages)


Derivations = dict[tuple[str, str], Derivation]
"""(entry slug, feature slug) -> the packages that give the entry the feature."""


def derivations(registry: Mapping[str, IntegrationPackage], check: IntegrationCheck) -> Derivations:
    """Every framework's verified third-party packages by feature; a package the check saw fail does not count."""
    found: dict[tuple[str, str], list[IntegrationPackage]] = {}
    for name, package in sorted(registry.items()):
        for integration in package.integrations:
            if check.works(name, integration.entry):
                for feature in package.features:
                    found.setdefault((integration.entry, feature), []).append(package)
    return {key: Derivation(tuple(packages), check.checked_on) for key, packages in found.items()}


def check_maintained(path: Path, registry: Mapping[str, IntegrationPackage], snapshot: PyPISnapshot, window_months: int) -> None:
    """Every package has a release within the third-party rule's window before the snapshot."""
    for name in registry:
        newest = snapshot.unmaintained_since(name, window_months)
        if newest is not None:
            problem = (
                f"the newest release is from {newest.isoformat()}, over {window_months} months before the snapshot of "
                f"{snapshot.as_of.isoformat()}: an unmaintained package does not count, so remove it"
            )
            raise CatalogueError(path, name, "package", problem)


def check_integration_results(
    path: Path, check: IntegrationCheck, registry: Mapping[str, IntegrationPackage], snapshot: PyPISnapshot
) -> None:
    """The check covers exactly the registry, each package at the release the snapshot calls latest."""
    remedy = "run `make check-integrations`"
    for name, package in registry.items():
        result = check.results.get(name)
        if result is None:
            raise CatalogueError(path, name, "results", f"no integration check of {name}: {remedy}")
        latest = snapshot.packages[name].latest_version
        if result.version != latest:
            raise CatalogueError(path, name, "version", f"checked {result.version}, but the PyPI snapshot's latest is {latest}: {remedy}")
        claimed = sorted(integration.entry for integration in package.integrations)
        if sorted(result.entries) != claimed:
            raise CatalogueError(path, name, "entries", f"checked with {sorted(result.entries)}, not {claimed}: {remedy}")
    for name in check.results:
        if name not in registry:
            raise CatalogueError(path, name, "results", f"no package {name!r} in {INTEGRATIONS_FILE}: {remedy}")
