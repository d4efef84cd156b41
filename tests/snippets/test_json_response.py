"""Task json_response: `GET /` answers a JSON object naming the framework."""

import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_json

pytestmark = pytest.mark.snippet
app = app_fixture("json_response")


def test_json_response(app: App) -> None:
    response = app.client.get("/")
    assert response.status_code == 200
    assert is_json(response)
    assert response.json() == {"message": "Hello, world!", "framework": app.snippet.entry.slug}
