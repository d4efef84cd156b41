"""Task cors: https://app.example.com gets CORS headers for simple and preflight requests; other origins get none."""

import pytest

from tests.snippets.conftest import App, app_fixture

pytestmark = pytest.mark.snippet
app = app_fixture("cors")

ALLOWED = "https://app.example.com"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}


def listed(value: str | None) -> set[str]:
    return {item.strip().lower() for item in (value or "").split(",") if item.strip()}


def test_a_preflight_from_the_allowed_origin_is_granted(app: App) -> None:
    response = app.client.options("/items", headers={"Origin": ALLOWED, **PREFLIGHT})
    assert response.status_code in (200, 204)
    assert response.headers.get("access-control-allow-origin") == ALLOWED
    # Without credentials the Fetch standard lets `*` stand for any method or header.
    assert listed(response.headers.get("access-control-allow-methods")) & {"post", "*"}
    assert listed(response.headers.get("access-control-allow-headers")) & {"content-type", "*"}


def test_a_simple_request_from_the_allowed_origin_is_granted(app: App) -> None:
    response = app.client.get("/items", headers={"Origin": ALLOWED})
    assert response.status_code == 200
    assert response.json() == []
    assert response.headers.get("access-control-allow-origin") == ALLOWED


OTHER = "https://evil.example.com"
REFUSED = (400, 403)
"""How a server may turn another origin away outright; browsers enforce CORS, so answering without the header is as good."""


def test_another_origins_preflight_is_answered_without_allow_origin(app: App) -> None:
    response = app.client.options("/items", headers={"Origin": OTHER, **PREFLIGHT})
    assert response.status_code in (200, 204, *REFUSED)
    assert "access-control-allow-origin" not in response.headers


def test_another_origins_request_is_answered_or_refused_without_allow_origin(app: App) -> None:
    response = app.client.get("/items", headers={"Origin": OTHER})
    # BlackSheep's CORS middleware refuses the request; the others answer it as they would without an Origin.
    answered = response.status_code == 200 and response.json() == []
    assert answered or response.status_code in REFUSED, (response.status_code, response.text)
    assert "access-control-allow-origin" not in response.headers
