"""The status rule: how a release history and the project's own statements decide active, maintenance, unmaintained or archived."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from webatlas.catalogue.models import Entry, Status

ACTIVE_MONTHS = 12
"""A release within this many months makes an entry active."""
MAINTENANCE_MONTHS = 24
"""A last release older than ACTIVE_MONTHS but within this many months means maintenance; older means unmaintained."""
ABANDONED_MONTHS = 60
"""No release for this long makes an entry unmaintained whatever the project says."""

RULE = (
    f"An entry is **archived** when its repository is archived. Otherwise it is **unmaintained**, whatever its own README "
    f"says, when it has had no release for {ABANDONED_MONTHS // 12} years or when its latest release installs on none of the "
    f"Pythons the install check runs. Otherwise, when the project itself says it is in maintenance mode or no longer "
    f"maintained, that statement decides. Otherwise the date of its latest release decides: within {ACTIVE_MONTHS} months of "
    f"the as-of date it is **active**, within {MAINTENANCE_MONTHS} months it is **maintenance**, and anything older is "
    f"**unmaintained**."
)
"""The rule as the site states it; `decide` implements exactly this."""


@dataclass(frozen=True)
class Verdict:
    """An entry's status and the evidence that decided it."""

    status: Status
    evidence: str
    source: str
    as_of: dt.date


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from `earlier` to `later`."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


@dataclass(frozen=True)
class Installability:
    """What the install check found for an entry's latest release."""

    version: str
    works_on: list[str]
    """The Pythons, as `3.12`, on which the latest release installs and imports."""
    checked_on: list[str]
    """Every Python the check ran on."""
    source: str
    """The page that shows which Pythons the release's files cover."""
    as_of: dt.date


def _age(months: int) -> str:
    return "less than a month" if months == 0 else f"{months} month{'s' if months != 1 else ''}"


def decide(entry: Entry, latest_release: dt.date, release_source: str, as_of: dt.date, installs: Installability | None) -> Verdict:
    """Apply the rule to an entry whose latest release was on `latest_release`, as of `as_of`.

    `installs` is None for an entry the install check cannot try, one not distributed on PyPI.
    """
    facts = entry.facts
    if facts.archived is not None:
        archived = facts.archived
        return Verdict("archived", f"repository archived on {archived.value.isoformat()}", archived.source, archived.as_of)
    months = months_between(latest_release, as_of)
    if months >= ABANDONED_MONTHS:
        latest = f"latest release {latest_release.isoformat()}, {_age(months)} before {as_of.isoformat()}"
        evidence = f"no release for {ABANDONED_MONTHS // 12} years: {latest}"
        return Verdict("unmaintained", evidence, release_source, as_of)
    if installs is not None and not installs.works_on:
        evidence = f"latest release {installs.version} installs on none of Python {', '.join(installs.checked_on)}"
        return Verdict("unmaintained", evidence, installs.source, installs.as_of)
    if facts.declared_status is not None:
        declared = facts.declared_status
        return Verdict(declared.value, f"the project declares itself {declared.value}", declared.source, declared.as_of)
    status: Status = "active" if months < ACTIVE_MONTHS else "maintenance" if months < MAINTENANCE_MONTHS else "unmaintained"
    return Verdict(status, f"latest release {latest_release.isoformat()}, {_age(months)} before {as_of.isoformat()}", release_source, as_of)
