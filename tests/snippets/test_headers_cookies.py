"""Task headers_cookies: read a header and a cookie, and set a Secure, HttpOnly, SameSite=Lax cookie."""

from http.cookies import SimpleCookie

import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_json

pytestmark = pytest.mark.snippet
app = app_fixture("headers_cookies")


def test_the_header_and_cookie_are_read(app: App) -> None:
    response = app.client.get("/whoami", headers={"X-Client": "tests", "Cookie": "hint=abc"})
    assert response.status_code == 200
    assert is_json(response)
    assert response.json() == {"client": "tests", "hint": "abc"}


def test_missing_ones_are_null(app: App) -> None:
    assert app.client.get("/whoami").json() == {"client": None, "hint": None}


def test_the_cookie_it_sets_is_secure_http_only_and_lax(app: App) -> None:
    # The header itself is read: httpx's cookie jar drops a Secure cookie received over plain http.
    response = app.client.get("/whoami")
    [header] = [value for value in response.headers.get_list("set-cookie") if value.lstrip().startswith("visited=")]
    cookie = SimpleCookie()
    cookie.load(header)
    visited = cookie["visited"]
    assert visited.value == "yes"
    assert visited["secure"] is True
    assert visited["httponly"] is True
    assert visited["samesite"].lower() == "lax"
    assert visited["path"] == "/"
