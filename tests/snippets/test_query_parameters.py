"""Task query_parameters: `q` is required, `limit` is an integer from 1 to 100 that defaults to 10."""

import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_client_error, is_json

pytestmark = pytest.mark.snippet
app = app_fixture("query_parameters")


def test_both_parameters_are_read(app: App) -> None:
    response = app.client.get("/search", params={"q": "term", "limit": "5"})
    assert response.status_code == 200
    assert is_json(response)
    assert response.json() == {"q": "term", "limit": 5}


def test_limit_defaults_to_ten(app: App) -> None:
    assert app.client.get("/search", params={"q": "term"}).json() == {"q": "term", "limit": 10}


@pytest.mark.parametrize("limit", ["1", "100"])
def test_the_bounds_are_allowed(app: App, limit: str) -> None:
    assert app.client.get("/search", params={"q": "x", "limit": limit}).json() == {"q": "x", "limit": int(limit)}


@pytest.mark.parametrize("limit", ["abc", "2.5", "0", "101", "-3"])
def test_a_bad_limit_is_a_client_error(app: App, limit: str) -> None:
    assert is_client_error(app.client.get("/search", params={"q": "term", "limit": limit}))


def test_a_missing_q_is_a_client_error(app: App) -> None:
    assert is_client_error(app.client.get("/search", params={"limit": "5"}))
