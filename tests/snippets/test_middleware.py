"""Task middleware: every response carries X-Request-ID, echoed when well-formed or a new UUID4, and the handler sees it."""

import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_json, is_uuid4

pytestmark = pytest.mark.snippet
app = app_fixture("middleware")

# Each breaks the rule "1 to 128 characters of A-Z a-z 0-9 . _ -" in one way; a log line or a header built from them
# would carry spaces, an encoded line break or bytes a reader does not expect.
BAD_IDS: dict[str, str | bytes] = {
    "too-long": "a" * 129,
    "space": "req 1234",
    "tab": "req\t1234",
    "encoded-crlf": "req%0D%0ASet-Cookie:%20stolen=1",
    "colon-and-slash": "req:1234/5",
    "non-ascii": "req-ü".encode(),
}


def test_a_given_id_is_echoed_and_seen_by_the_handler(app: App) -> None:
    response = app.client.get("/", headers={"X-Request-ID": "req-1234"})
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "req-1234"
    assert is_json(response)
    assert response.json() == {"request_id": "req-1234"}


def test_an_id_of_128_allowed_characters_is_echoed(app: App) -> None:
    given = ("Az09._-" * 19)[:128]
    response = app.client.get("/", headers={"X-Request-ID": given})
    assert response.headers["x-request-id"] == given
    assert response.json() == {"request_id": given}


def test_a_missing_id_is_a_new_uuid4_seen_by_the_handler(app: App) -> None:
    first, second = app.client.get("/"), app.client.get("/")
    for response in (first, second):
        assert is_uuid4(response.headers["x-request-id"])
        assert response.json() == {"request_id": response.headers["x-request-id"]}
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


# Responder's built-in request-ID middleware, which its recipe uses rather than a hand-written one, echoes any 1 to 128
# visible ASCII characters: these two pass that documented rule, and are harmless in a header or a log line.
ECHOED_BY: dict[str, set[str]] = {"responder": {"encoded-crlf", "colon-and-slash"}}


@pytest.mark.parametrize("kind", BAD_IDS)
def test_a_malformed_id_is_replaced_by_a_new_uuid4(app: App, kind: str) -> None:
    response = app.client.get("/", headers={"X-Request-ID": BAD_IDS[kind]})
    assert response.status_code == 200
    if kind in ECHOED_BY.get(app.snippet.entry.slug, set()):
        assert response.headers["x-request-id"] == BAD_IDS[kind]
    else:
        assert is_uuid4(response.headers["x-request-id"])
    assert response.json() == {"request_id": response.headers["x-request-id"]}


def test_a_404_carries_it(app: App) -> None:
    response = app.client.get("/nowhere", headers={"X-Request-ID": "req-404"})
    assert response.status_code == 404
    assert response.headers.get("x-request-id") == "req-404"


# These routers never answer 405: a method a path does not take falls through to their 404 (the reason each one's
# catalogue entry gives under snippets.unsupported.resource_methods).
ANSWER_404_FOR_A_WRONG_METHOD = {"blacksheep", "emmett", "robyn"}


def test_a_method_the_route_does_not_take_is_refused_with_it(app: App) -> None:
    response = app.client.delete("/", headers={"X-Request-ID": "req-405"})
    assert response.status_code == (404 if app.snippet.entry.slug in ANSWER_404_FOR_A_WRONG_METHOD else 405)
    assert response.headers.get("x-request-id") == "req-405"


def test_a_handler_that_raises_answers_500_with_it(app: App) -> None:
    # Some servers close the connection after a failed handler; asking for that keeps the client from reusing it.
    response = app.client.get("/boom", headers={"X-Request-ID": "req-500", "Connection": "close"})
    assert response.status_code == 500
    assert response.headers.get("x-request-id") == "req-500"
    unnamed = app.client.get("/boom", headers={"Connection": "close"})
    assert unnamed.status_code == 500
    assert is_uuid4(unnamed.headers.get("x-request-id", ""))
