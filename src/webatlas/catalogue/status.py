"""The status rule: how a release history and the project's own statements decide active, maintenance, unmaintained or archived."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from webatlas.catalogue.models import Entry, Status

ACTIVE_MONTHS = 12
"""A release within this many months makes an entry active."""
MAINTENANCE_MONTHS = 24
"""A last release older than ACTIVE_MONTHS but within this many months means maintenance; older means unmaintained."""

RULE = (
    f"An entry is **archived** when its repository is archived. Otherwise, when the project itself says it is in maintenance "
    f"mode or no longer maintained, that statement decides. Otherwise the date of its latest release decides: within "
    f"{ACTIVE_MONTHS} months of the as-of date it is **active**, within {MAINTENANCE_MONTHS} months it is **maintenance**, "
    f"and anything older is **unmaintained**."
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


def decide(entry: Entry, latest_release: dt.date, release_source: str, as_of: dt.date) -> Verdict:
    """Apply the rule to an entry whose latest release was on `latest_release`, as of `as_of`."""
    facts = entry.facts
    if facts.archived is not None:
        archived = facts.archived
        return Verdict("archived", f"repository archived on {archived.value.isoformat()}", archived.source, archived.as_of)
    if facts.declared_status is not None:
        declared = facts.declared_status
        return Verdict(declared.value, f"the project declares itself {declared.value}", declared.source, declared.as_of)
    months = months_between(latest_release, as_of)
    status: Status = "active" if months < ACTIVE_MONTHS else "maintenance" if months < MAINTENANCE_MONTHS else "unmaintained"
    age = "less than a month" if months == 0 else f"{months} month{'s' if months != 1 else ''}"
    return Verdict(status, f"latest release {latest_release.isoformat()}, {age} before {as_of.isoformat()}", release_source, as_of)
