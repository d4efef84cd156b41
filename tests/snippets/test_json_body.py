"""Task json_body: `POST /items` validates `name` (text) and `price` (a number above 0) and answers 201 with an id."""

from typing import Any

import pytest

from tests.snippets.conftest import App, app_fixture
from tests.snippets.expect import is_client_error, is_json

pytestmark = pytest.mark.snippet
app = app_fixture("json_body")


def test_a_valid_item_is_created_with_a_new_id(app: App) -> None:
    first = app.client.post("/items", json={"name": "Widget", "price": 9.5})
    second = app.client.post("/items", json={"name": "Gadget", "price": 3})
    for response, name, price in ((first, "Widget", 9.5), (second, "Gadget", 3)):
        assert response.status_code == 201
        assert is_json(response)
        body = response.json()
        assert (body["name"], body["price"]) == (name, price)
        assert type(body["id"]) is int
    assert first.json()["id"] != second.json()["id"]


BAD_BODIES: dict[str, tuple[dict[str, Any], str]] = {
    "missing name": ({"price": 1.0}, "name"),
    "missing price": ({"name": "Widget"}, "price"),
    "name not text": ({"name": 5, "price": 1.0}, "name"),
    "price not a number": ({"name": "Widget", "price": "cheap"}, "price"),
    "price zero": ({"name": "Widget", "price": 0}, "price"),
    "price negative": ({"name": "Widget", "price": -2.5}, "price"),
}


@pytest.mark.parametrize("case", BAD_BODIES, ids=list(BAD_BODIES))
def test_a_bad_body_is_refused_with_json_naming_the_field(app: App, case: str) -> None:
    body, field = BAD_BODIES[case]
    response = app.client.post("/items", json=body)
    assert is_client_error(response)
    assert is_json(response), response.text
    assert field in response.text
