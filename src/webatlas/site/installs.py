"""The install check as readers see it: one line per entry, and a matrix of releases by Python."""

from __future__ import annotations

from dataclasses import dataclass

from webatlas.catalogue.install_results import Attempt, Failure, InstallCheck, PackageResult, minor

UNSUPPORTED = "the release does not support this Python"


@dataclass(frozen=True)
class MatrixRow:
    """One release tried, and how it fared on each Python of the check, in the check's order; None where it was not tried."""

    version: str
    latest: bool
    attempts: list[Attempt | None]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def matrix(result: PackageResult, check: InstallCheck) -> list[MatrixRow]:
    """The latest release first, then every fallback release tried, newest first."""
    pythons = check.ordered_pythons
    rows = [MatrixRow(result.latest_version, True, [result.pythons[python].latest for python in pythons])]
    fallbacks: dict[str, list[Attempt | None]] = {}
    for index, python in enumerate(pythons):
        tested = result.pythons[python].tested
        if tested is not None:
            fallbacks.setdefault(tested.version, [None] * len(pythons))[index] = tested
    rows += [MatrixRow(version, False, attempts) for version, attempts in fallbacks.items()]
    return rows


def summary(result: PackageResult, check: InstallCheck) -> str:
    """One sentence: where the latest release works, where it is not supported, and where it fails, and how."""
    works, unsupported = [], []
    fails: dict[str, list[str]] = {}
    declared = ""
    for python in check.ordered_pythons:
        latest = result.pythons[python].latest
        if latest.failure is None:
            works.append(minor(python))
        elif latest.failure.kind == UNSUPPORTED:
            unsupported.append(minor(python))
            declared = latest.failure.excerpt
        else:
            fails.setdefault(latest.failure.kind, []).append(minor(python))
    release = f"{result.package} {result.latest_version}"
    parts = [f"{release} installs and imports on Python {_and(works)}" if works else f"{release} installs on none of the Pythons checked"]
    if unsupported:
        parts.append(f"not on {_and(unsupported)}, which it does not support ({declared})")
    parts += [f"fails on {_and(pythons)}: {kind}" for kind, pythons in fails.items()]
    return "; ".join(parts) + "."


@dataclass(frozen=True)
class FailedRelease:
    """A release that failed the same way on one or more Pythons; a release a Python does not support is no failure."""

    version: str
    pythons: list[str]
    failure: Failure


def failures(result: PackageResult, check: InstallCheck) -> list[FailedRelease]:
    """Each distinct failure once, naming every Python it happened on."""
    pythons = check.ordered_pythons
    grouped: dict[tuple[str, Failure], list[str]] = {}
    for python in pythons:
        for attempt in (result.pythons[python].latest, result.pythons[python].tested):
            if attempt is not None and attempt.failure is not None and attempt.failure.kind != UNSUPPORTED:
                grouped.setdefault((attempt.version, attempt.failure), []).append(minor(python))
    return [FailedRelease(version, found_on, failure) for (version, failure), found_on in grouped.items()]
