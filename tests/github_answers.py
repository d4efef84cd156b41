"""Star-history answers shaped like GitHub's, for the client and refresh tests."""

from __future__ import annotations

import datetime as dt
from typing import Any


def sunday(weeks_ago: int) -> dt.date:
    """The Sunday that starts the week `weeks_ago` weeks before the current one."""
    today = dt.date.today()
    return today - dt.timedelta(days=(today.weekday() + 1) % 7 + 7 * weeks_ago)


def week(weeks_ago: int, days: list[int]) -> dict[str, Any]:
    """One item as the docs describe it: the week's start as a Unix timestamp, its total and seven daily counts."""
    start = dt.datetime.combine(sunday(weeks_ago), dt.time(), tzinfo=dt.UTC)
    return {"week": int(start.timestamp()), "total": sum(days), "days": days}
