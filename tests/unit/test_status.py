"""The status rule: archive notices, then abandonment (release age or the install check), then statements, then release age."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import changed, entry, fact
from webatlas.catalogue.models import Entry
from webatlas.catalogue.status import ABANDONED_MONTHS, ACTIVE_MONTHS, MAINTENANCE_MONTHS, RULE, Installability, decide, months_between

AS_OF = dt.date(2026, 11, 21)
SOURCE = "https://pypi.org/pypi/demo/json"
PYTHONS = ["3.11", "3.12", "3.13"]
FILES = "https://pypi.org/project/demo/1.0/#files"
INSTALLS = Installability(version="1.0", works_on=["3.12", "3.13"], checked_on=PYTHONS, source=FILES, as_of=AS_OF)
INSTALLS_NOWHERE = Installability(version="1.0", works_on=[], checked_on=PYTHONS, source=FILES, as_of=AS_OF)


def make(**facts: object) -> Entry:
    data = entry()
    for name, value in facts.items():
        changed(data, f"facts.{name}", value)
    return Entry.model_validate(data, context={"features": {"websockets": frozenset({"framework"}), "cors": frozenset({"framework"})}})


@pytest.mark.parametrize(
    ("latest", "status"),
    [
        (dt.date(2026, 11, 20), "active"),
        (dt.date(2025, 11, 22), "active"),
        (dt.date(2025, 11, 21), "maintenance"),
        (dt.date(2024, 11, 22), "maintenance"),
        (dt.date(2024, 11, 21), "unmaintained"),
        (dt.date(2021, 11, 22), "unmaintained"),
    ],
)
def test_release_age_decides(latest: dt.date, status: str) -> None:
    verdict = decide(make(), latest, SOURCE, AS_OF, INSTALLS)
    assert verdict.status == status
    assert latest.isoformat() in verdict.evidence
    assert (verdict.source, verdict.as_of) == (SOURCE, AS_OF)


def test_an_archived_repository_wins_over_recent_releases() -> None:
    verdict = decide(make(archived=fact("2026-10-01")), dt.date(2026, 11, 1), SOURCE, AS_OF, INSTALLS_NOWHERE)
    assert (verdict.status, verdict.evidence) == ("archived", "repository archived on 2026-10-01")
    assert verdict.source == "https://example.org/docs"


def test_the_project_statement_wins_over_release_dates() -> None:
    verdict = decide(make(declared_status=fact("maintenance")), dt.date(2026, 11, 1), SOURCE, AS_OF, INSTALLS)
    assert verdict.status == "maintenance"
    assert "declares" in verdict.evidence


def test_months_are_whole_calendar_months() -> None:
    assert months_between(dt.date(2026, 1, 31), dt.date(2026, 2, 28)) == 0
    assert months_between(dt.date(2026, 1, 31), dt.date(2026, 3, 1)) == 1
    assert months_between(dt.date(2025, 11, 21), dt.date(2026, 11, 21)) == 12


def test_the_stated_rule_names_the_thresholds() -> None:
    assert f"{ACTIVE_MONTHS} months" in RULE and f"{MAINTENANCE_MONTHS} months" in RULE


def test_five_years_without_a_release_is_unmaintained_whatever_the_project_says() -> None:
    verdict = decide(make(declared_status=fact("maintenance")), dt.date(2021, 11, 21), SOURCE, AS_OF, INSTALLS)
    assert verdict.status == "unmaintained"
    assert verdict.evidence.startswith("no release for 5 years: latest release 2021-11-21")
    assert decide(make(declared_status=fact("maintenance")), dt.date(2021, 11, 22), SOURCE, AS_OF, INSTALLS).status == "maintenance"


def test_a_release_that_installs_on_no_python_is_unmaintained_whatever_the_project_says() -> None:
    verdict = decide(make(declared_status=fact("maintenance")), dt.date(2026, 11, 1), SOURCE, AS_OF, INSTALLS_NOWHERE)
    assert (verdict.status, verdict.source) == ("unmaintained", FILES)
    assert verdict.evidence == "latest release 1.0 installs on none of Python 3.11, 3.12, 3.13"


def test_an_entry_the_check_cannot_try_is_judged_on_its_releases() -> None:
    assert decide(make(), dt.date(2026, 11, 1), SOURCE, AS_OF, None).status == "active"


def test_the_stated_rule_names_the_abandonment_thresholds() -> None:
    assert f"{ABANDONED_MONTHS // 12} years" in RULE and "installs on none" in RULE
