"""Client for GitHub's star-history endpoint, which gives weekly star counts and no stargazer identities."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urljoin, urlsplit

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from webatlas.catalogue.models import STAR_HISTORY_SOURCE, StarCount
from webatlas.catalogue.reading import CatalogueError, validate
from webatlas.maintenance.fetching import FetchError, get_json

API_VERSION = "2026-03-10"
"""The REST API version whose description this client follows, sent as X-GitHub-Api-Version."""

PER_PAGE = 30
"""Weeks per page: the endpoint's maximum."""

MAX_PAGES = 100
"""The endpoint serves pages 1 to 100 and no further."""

_REPOSITORY = re.compile(r"^([\w.-]+)/([\w.-]+)$")

_Count = Annotated[int, Field(strict=True, ge=0)]


class _Week(BaseModel):
    """One item of the answer: the week's start as a Unix timestamp, its stars, and their split over seven days."""

    # The versioning docs count new response fields as a non-breaking change, so unknown keys are ignored, not errors.
    model_config = ConfigDict(extra="ignore", frozen=True)

    week: _Count
    total: _Count
    # The schema sets no length; its text says one count per day of the week from Sunday, so seven are required.
    days: Annotated[list[_Count], Field(min_length=7, max_length=7)]


def _next_page(links: dict[str | None, dict[str, str]], current: str) -> str | None:
    """The `rel="next"` target among an answer's links, resolved against the page it came with."""
    # A link may carry several relations, such as rel="next last", so each one's relations are split rather than looked up.
    targets = [link["url"] for link in links.values() if "next" in link.get("rel", "").lower().split()]
    return urljoin(current, targets[0]) if targets else None


def _week_start(repository: str, timestamp: int) -> dt.date:
    """The calendar day a week starts on; the docs do not promise UTC boundaries, so round to the nearest UTC midnight."""
    try:
        return dt.datetime.fromtimestamp(timestamp + 12 * 3600, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        raise FetchError(f"{repository}: malformed star history: week {timestamp} is not a usable Unix timestamp") from None


def _pages(client: httpx.Client, repository: str, owner: str, name: str, token: str, api_url: str) -> list[tuple[str, list[Any]]]:
    """Every page of the answer with the URL it came from, following Link headers within the API's origin."""
    url: str | None = f"{api_url.rstrip('/')}/repos/{quote(owner)}/{quote(name)}/stargazers/history?per_page={PER_PAGE}"
    origin = urlsplit(api_url)[:2]
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION}
    pages: list[tuple[str, list[Any]]] = []
    while url is not None:
        if len(pages) == MAX_PAGES:
            raise FetchError(f"{repository}: star history goes on past page {MAX_PAGES}, the endpoint's last page")
        if urlsplit(url)[:2] != origin:
            # The token goes with every request, so never follow a link to another host.
            raise FetchError(f"{repository}: star history links to {url}, outside {api_url}")
        if any(url == seen for seen, _ in pages):
            raise FetchError(f"{repository}: star history links back to {url}")
        answer = get_json(client, url, headers)
        if not isinstance(answer.body, list):
            kind = type(answer.body).__name__
            raise FetchError(f"{repository}: malformed star history from {url}: expected a JSON array of weeks, got {kind}")
        pages.append((url, answer.body))
        url = _next_page(answer.links, url)
    return pages


def _weeks(repository: str, pages: list[tuple[str, list[Any]]]) -> dict[dt.date, int]:
    """Stars gained per week, keyed by the week's first day, after checking every item."""
    gained: dict[dt.date, int] = {}
    for url, items in pages:
        for index, item in enumerate(items):
            where = f"{repository}: malformed star history from {url}: item {index}"
            try:
                week = validate(_Week, item, file=Path(repository), entry=f"item {index}")
            except CatalogueError as error:
                raise FetchError(f"{where}: field '{error.field}': {error.problem}") from None
            if sum(week.days) != week.total:
                raise FetchError(f"{where}: days add up to {sum(week.days)}, total is {week.total}")
            start = _week_start(repository, week.week)
            if start in gained:
                raise FetchError(f"{where}: the week of {start} comes twice")
            gained[start] = week.total
    return gained


def fetch_star_history(client: httpx.Client, repository: str, token: str, *, api_url: str = "https://api.github.com") -> list[StarCount]:
    """Ask `GET /repos/{owner}/{repo}/stargazers/history` for a repository's stars, one row per completed week."""
    match = _REPOSITORY.fullmatch(repository)
    if not match or {match.group(1), match.group(2)} & {".", ".."}:
        raise ValueError(f"{repository!r} is not an owner/name GitHub repository")
    if not token or not token.isprintable() or any(character.isspace() for character in token):
        raise ValueError("the GitHub token is empty or holds spaces or control characters")
    gained = _weeks(repository, _pages(client, repository, match.group(1), match.group(2), token, api_url))
    if not gained:
        # Pages run back to the creation week, so even a repository without stars has one week; none means no history.
        raise FetchError(f"{repository}: star history is empty")
    today = dt.date.today()
    starts = sorted(gained)
    if starts[-1] > today:
        raise FetchError(f"{repository}: malformed star history: week of {starts[-1]} is in the future")
    for earlier, later in pairwise(starts):
        # The docs promise one continuous series with zero weeks included; a gap would silently lose stars from every later row.
        if (later - earlier).days != 7:
            raise FetchError(f"{repository}: malformed star history: weeks {earlier} and {later} are not one week apart")
    # The endpoint counts stars gained per week; a running sum from the creation week gives the count after each week.
    # The docs do not say whether stars later removed are still counted, so the sum may differ from the repository's count.
    rows: list[StarCount] = []
    stars = 0
    for start in starts:
        stars += gained[start]
        end = start + dt.timedelta(days=6)
        if end >= today:
            break  # The week still running: its count would change from day to day, so it waits for the next refresh.
        try:
            rows.append(StarCount(repository=repository, date=end, stars=stars, source=STAR_HISTORY_SOURCE))
        except ValidationError as error:
            raise FetchError(f"{repository}: malformed star history: week ending {end}: {error.errors()[0]['msg']}") from None
    return rows
