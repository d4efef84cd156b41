"""Task hello_text: `GET /` answers `Hello, world!` as UTF-8 plain text."""

import pytest

from tests.snippets.conftest import App, app_fixture

pytestmark = pytest.mark.snippet
app = app_fixture("hello_text")


def test_hello_text(app: App) -> None:
    response = app.client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].replace(" ", "").lower() == "text/plain;charset=utf-8"
    assert response.content == b"Hello, world!"
