"""Task path_parameter: `/items/{item_id}` takes an integer; anything else gets a 4xx before the handler runs."""

import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_client_error, is_json

pytestmark = pytest.mark.snippet
app = app_fixture("path_parameter")


def test_integer_is_parsed(app: App) -> None:
    response = app.client.get("/items/42")
    assert response.status_code == 200
    assert is_json(response)
    assert response.json() == {"item_id": 42}


@pytest.mark.parametrize("bad_value", ["abc", "4.2"])
def test_non_integer_is_a_client_error(app: App, bad_value: str) -> None:
    assert is_client_error(app.client.get(f"/items/{bad_value}"))
