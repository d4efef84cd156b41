"""The star-history client against a fake GitHub: weekly rows, paging, headers and every way an answer can fail."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from tests.fakes import Answer, FakeService, transport
from tests.github_answers import sunday, week
from webatlas.catalogue.models import STAR_HISTORY_SOURCE, StarCount
from webatlas.maintenance.fetching import USER_AGENT, FetchError, open_client
from webatlas.maintenance.github import API_VERSION, fetch_star_history
from webatlas.processes import free_port

TOKEN = "ghp_test-token"
HISTORY = "/repos/demo/demo/stargazers/history?per_page=30"


@pytest.fixture
def github() -> FakeService:
    return FakeService("https://api.github.test")


def fetch(github: FakeService, *others: FakeService) -> list[StarCount]:
    with open_client(transport(github, *others)) as client:
        return fetch_star_history(client, "demo/demo", TOKEN, api_url=github.url)


def test_weekly_answer_gives_running_totals_for_completed_weeks(github: FakeService) -> None:
    github.answer_json(HISTORY, [week(0, [0, 0, 0, 0, 0, 0, 0]), week(1, [0, 1, 2, 0, 0, 0, 4]), week(2, [3, 0, 0, 0, 0, 0, 2])])
    counts = fetch(github)
    assert [(count.date, count.stars) for count in counts] == [
        (sunday(2) + dt.timedelta(days=6), 5),
        (sunday(1) + dt.timedelta(days=6), 12),
    ], "oldest first, one row per completed week dated its last day; the running week waits"
    assert {(count.repository, count.source) for count in counts} == {("demo/demo", STAR_HISTORY_SOURCE)}


@pytest.mark.parametrize(
    "links",
    [
        '<https://api.github.test{page}>; rel="prev", <https://api.github.test{page}>; rel="next", <https://api.github.test/x>; rel="last"',
        '<{page}>; rel="next"',
        "<https://api.github.test{page}>; rel=\"Next Last\"",
    ],
    ids=["absolute", "relative", "several-relations"],
)
def test_pages_are_followed_through_the_link_header(github: FakeService, links: str) -> None:
    second = f"{HISTORY}&page=2"
    github.answer_json(HISTORY, [week(1, [1, 0, 0, 0, 0, 0, 0]), week(2, [0] * 7)], headers={"Link": links.format(page=second)})
    github.answer_json(second, [week(3, [0, 0, 10, 0, 0, 0, 0]), week(4, [0, 0, 0, 0, 0, 0, 5])])
    assert [count.stars for count in fetch(github)] == [5, 15, 15, 16]
    assert github.paths == [HISTORY, second]


def test_every_request_carries_the_token_api_version_media_type_and_timeout(github: FakeService) -> None:
    second = f"{github.url}{HISTORY}&page=2"
    github.answer_json(HISTORY, [week(1, [0] * 7)], headers={"Link": f'<{second}>; rel="next"'})
    github.answer_json(f"{HISTORY}&page=2", [week(2, [0] * 7)])
    fetch(github)
    assert len(github.requests) == 2
    for request in github.requests:
        assert request.headers.get_list("Authorization") == [f"Bearer {TOKEN}"]
        assert request.headers.get_list("X-GitHub-Api-Version") == [API_VERSION]
        assert request.headers.get_list("Accept") == ["application/vnd.github+json"]
        assert request.headers.get_list("User-Agent") == [USER_AGENT]
        assert request.extensions["timeout"] == {"connect": 30, "read": 30, "write": 30, "pool": 30}


def test_a_link_to_another_host_is_not_followed_with_the_token(github: FakeService) -> None:
    elsewhere = FakeService("https://elsewhere.test")
    github.answer_json(HISTORY, [week(1, [0] * 7)], headers={"Link": f'<{elsewhere.url}{HISTORY}&page=2>; rel="next"'})
    with pytest.raises(FetchError, match=rf"demo/demo: star history links to {elsewhere.url}/.*, outside"):
        fetch(github, elsewhere)
    assert len(github.requests) == 1 and elsewhere.requests == []


def test_a_redirect_to_another_host_drops_the_token(github: FakeService) -> None:
    elsewhere = FakeService("https://elsewhere.test")
    github.answers[HISTORY] = Answer(301, b"", {"Location": f"{elsewhere.url}/moved"})
    elsewhere.answer_json("/moved", [week(1, COMPLETE)])
    assert [count.stars for count in fetch(github, elsewhere)] == [1]
    assert "Authorization" not in elsewhere.requests[0].headers


@pytest.mark.parametrize(
    ("status", "headers"),
    [(403, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1767225600"}), (429, {"Retry-After": "60"})],
    ids=["403-remaining-0", "429"],
)
def test_rate_limiting_is_a_fetch_error(github: FakeService, status: int, headers: dict[str, str]) -> None:
    github.answer_json(HISTORY, {"message": "API rate limit exceeded"}, status=status, headers=headers)
    with pytest.raises(FetchError, match=rf"/repos/demo/demo/stargazers/history.*rate limited \(HTTP {status}\); retry after"):
        fetch(github)


def test_server_error_is_a_fetch_error(github: FakeService) -> None:
    github.answer_json(HISTORY, {"message": "Server Error"}, status=500)
    with pytest.raises(FetchError, match=r"/repos/demo/demo/stargazers/history.*: HTTP 500 Internal Server Error$"):
        fetch(github)


def test_a_timeout_is_a_fetch_error_naming_the_limit(github: FakeService) -> None:
    github.answers[HISTORY] = httpx.ReadTimeout("timed out")
    with pytest.raises(FetchError, match=r"/repos/demo/demo/stargazers/history.*: network error: no answer within 30 s$"):
        fetch(github)


def test_non_json_body_is_a_fetch_error(github: FakeService) -> None:
    github.answers[HISTORY] = Answer(200, b"<html>Unicorn!</html>", {"Content-Type": "text/html"})
    with pytest.raises(FetchError, match=r"/repos/demo/demo/stargazers/history.*not JSON"):
        fetch(github)


def test_connection_refused_is_a_fetch_error() -> None:
    # The real transport, to a loopback port nobody listens on.
    with open_client() as client, pytest.raises(FetchError, match="network error"):
        fetch_star_history(client, "demo/demo", TOKEN, api_url=f"http://127.0.0.1:{free_port()}")


COMPLETE = [0, 1, 0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"week": 0, "total": 0, "days": [0] * 7}, "expected a JSON array of weeks, got dict"),
        ([], "star history is empty"),
        (["week"], r"item 0: field '\(entry\)'"),
        ([{"total": 1, "days": COMPLETE}], "item 0: field 'week': required field is missing"),
        ([{**week(1, COMPLETE), "week": "1754784000"}], "item 0: field 'week': Input should be a valid integer"),
        ([{**week(1, COMPLETE), "total": -1}], "item 0: field 'total': Input should be greater than or equal to 0"),
        ([{**week(1, COMPLETE), "days": [0, -1, 0, 0, 0, 0, 0]}], r"item 0: field 'days\.1': Input should be greater than or equal to 0"),
        ([{**week(1, COMPLETE), "days": [1, 0, 0, 0, 0, 0]}], "item 0: field 'days': List should have at least 7 items"),
        ([{**week(1, COMPLETE), "total": 2}], "item 0: days add up to 1, total is 2"),
        ([week(1, COMPLETE), week(1, COMPLETE)], r"item 1: the week of \d{4}-\d\d-\d\d comes twice"),
        ([week(-1, COMPLETE), week(1, COMPLETE)], r"week of \d{4}-\d\d-\d\d is in the future"),
        ([week(1, COMPLETE), week(3, COMPLETE)], "are not one week apart"),
        ([{**week(1, COMPLETE), "week": 10**20}], "is not a usable Unix timestamp"),
    ],
    ids=[
        "object",
        "empty",
        "item-not-object",
        "missing-week",
        "week-as-text",
        "negative-total",
        "negative-day",
        "six-days",
        "total-mismatch",
        "duplicate-week",
        "future-week",
        "gap",
        "huge-timestamp",
    ],
)
def test_malformed_answer_is_a_fetch_error_naming_repository_and_problem(github: FakeService, body: Any, problem: str) -> None:
    github.answer_json(HISTORY, body)
    with pytest.raises(FetchError, match=rf"^demo/demo: .*{problem}"):
        fetch(github)


def test_unknown_fields_are_ignored(github: FakeService) -> None:
    github.answer_json(HISTORY, [{**week(1, COMPLETE), "note": "added in a later API version"}])
    assert [count.stars for count in fetch(github)] == [1]


@pytest.mark.parametrize("repository", ["demo", "demo/demo/extra", "../demo", "demo/de mo"])
def test_a_malformed_repository_name_is_refused_before_any_request(github: FakeService, repository: str) -> None:
    with open_client(transport(github)) as client, pytest.raises(ValueError, match="is not an owner/name GitHub repository"):
        fetch_star_history(client, repository, TOKEN, api_url=github.url)
    assert github.requests == []
