"""Task bearer_auth: `GET /me` answers 200 only to the bearer token the server was given in API_TOKEN; anything else,
missing, wrong, empty, another scheme or a header that is not one at all, gets 401 with a Bearer challenge, never a 500."""

import httpx
import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_json

pytestmark = pytest.mark.snippet

TOKEN = "s3cr3t-Token_for.tests~1"
"""Holds every character RFC 6750 allows in a token besides letters and digits that a URL would not change."""
app = app_fixture("bearer_auth", env={"API_TOKEN": TOKEN})

COMPARES_IN_CONSTANT_TIME = {
    # Frameworks whose own helper compares the token; every other recipe calls hmac.compare_digest itself.
}


def me(app: App, authorization: str | bytes | None) -> httpx.Response:
    headers = {} if authorization is None else {"Authorization": authorization}
    return app.client.get("/me", headers=headers)


def assert_refused(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers.get("www-authenticate", "").lower().startswith("bearer")


def test_the_right_token_is_let_in(app: App) -> None:
    response = me(app, f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert is_json(response)
    assert response.json() == {"user": "api-client"}


def test_no_header_is_refused_with_a_bearer_challenge(app: App) -> None:
    assert_refused(me(app, None))


@pytest.mark.parametrize(
    "authorization",
    [
        f"Bearer {TOKEN}x",
        f"Bearer {TOKEN[:-1]}",
        "Bearer " + "x" * len(TOKEN),
        "Bearer",
        f"Basic {TOKEN}",
        f"Token {TOKEN}",
        TOKEN,
        f"Bearer {TOKEN} extra",
        f"Bearer{TOKEN}",
    ],
    ids=["longer", "shorter", "same-length", "scheme-only", "basic", "other-scheme", "no-scheme", "two-words", "no-space"],
)
def test_anything_else_is_refused_with_a_bearer_challenge(app: App, authorization: str) -> None:
    assert_refused(me(app, authorization))


def test_a_header_that_is_not_text_is_refused_not_a_crash(app: App) -> None:
    assert_refused(me(app, "Bearer tök\xe9n".encode("latin-1")))


def test_the_token_is_compared_in_constant_time(app: App) -> None:
    """Read from the code: no test could time the difference reliably on a shared machine."""
    source = app.snippet.path.read_text(encoding="utf-8")
    helper = COMPARES_IN_CONSTANT_TIME.get(app.snippet.entry.slug, "compare_digest")
    assert helper in source, f"{app.snippet.path.name} does not compare the token with {helper}"
    assert TOKEN not in source

