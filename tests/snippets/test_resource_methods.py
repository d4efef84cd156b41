"""Task resource_methods: GET, PUT and DELETE on an in-memory `/items/{id}` that starts with item 1; other methods get 405."""

import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_json

pytestmark = pytest.mark.snippet
app = app_fixture("resource_methods")


def test_a_missing_item_is_404(app: App) -> None:
    assert app.client.get("/items/999").status_code == 404
    assert app.client.put("/items/999", json={"name": "Ghost", "price": 1.0}).status_code == 404


def test_another_method_is_405_with_allow(app: App) -> None:
    response = app.client.patch("/items/1", json={"price": 1.0})
    assert response.status_code == 405
    allowed = {method.strip().upper() for method in response.headers.get("allow", "").split(",")}
    assert {"GET", "PUT", "DELETE"} <= allowed, response.headers.get("allow")


def test_get_put_delete_in_turn(app: App) -> None:
    response = app.client.get("/items/1")
    assert response.status_code == 200
    assert is_json(response)
    assert response.json() == {"id": 1, "name": "Widget", "price": 9.5}

    replaced = app.client.put("/items/1", json={"name": "Gadget", "price": 3.0})
    assert replaced.status_code == 200
    assert replaced.json() == {"id": 1, "name": "Gadget", "price": 3.0}
    assert app.client.get("/items/1").json() == {"id": 1, "name": "Gadget", "price": 3.0}

    deleted = app.client.delete("/items/1")
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert app.client.get("/items/1").status_code == 404
