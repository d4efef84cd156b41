"""Task html_template: `/hello?name=...` renders `templates/hello.html` and escapes the name."""

import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import media_type

pytestmark = pytest.mark.snippet
app = app_fixture("html_template")


def test_the_page_greets_by_name(app: App) -> None:
    assert (app.folder / "templates" / "hello.html").is_file(), "the page is rendered from templates/hello.html"
    response = app.client.get("/hello", params={"name": "Ada"})
    assert response.status_code == 200
    assert media_type(response) == "text/html"
    assert "Hello, Ada!" in response.text


def test_the_name_is_escaped(app: App) -> None:
    response = app.client.get("/hello", params={"name": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text
