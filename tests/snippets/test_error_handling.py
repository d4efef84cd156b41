"""Task error_handling: unknown paths and failing handlers answer JSON, and a failure shows nothing of its cause."""

import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_json

pytestmark = pytest.mark.snippet
app = app_fixture("error_handling")


@pytest.mark.parametrize("path", ["/nowhere", "/a/b/c.html"])
def test_an_unknown_path_is_a_json_404(app: App, path: str) -> None:
    response = app.client.get(path)
    assert response.status_code == 404
    assert is_json(response)
    assert response.json() == {"error": "not found"}


def test_a_failing_handler_is_a_json_500_that_hides_its_cause(app: App) -> None:
    response = app.client.get("/boom")
    assert response.status_code == 500
    assert is_json(response)
    assert "error" in response.json()
    for leak in ("secret detail", "Traceback", "RuntimeError", app.snippet.path.name):
        assert leak not in response.text
