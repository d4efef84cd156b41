"""Task middleware: every response carries X-Request-ID, echoed or a new UUID4, and the handler sees the same value."""

import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_json, is_uuid4

pytestmark = pytest.mark.snippet
app = app_fixture("middleware")


def test_a_given_id_is_echoed_and_seen_by_the_handler(app: App) -> None:
    response = app.client.get("/", headers={"X-Request-ID": "req-1234"})
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "req-1234"
    assert is_json(response)
    assert response.json() == {"request_id": "req-1234"}


def test_a_missing_id_is_a_new_uuid4_seen_by_the_handler(app: App) -> None:
    first, second = app.client.get("/"), app.client.get("/")
    for response in (first, second):
        assert is_uuid4(response.headers["x-request-id"])
        assert response.json() == {"request_id": response.headers["x-request-id"]}
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


def test_error_responses_carry_it_too(app: App) -> None:
    response = app.client.get("/nowhere", headers={"X-Request-ID": "req-404"})
    assert response.status_code == 404
    assert response.headers.get("x-request-id") == "req-404"
