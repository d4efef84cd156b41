"""Test the json_body recipe with Responder's api.requests, a Starlette TestClient that calls the app in-process."""

import pytest
from json_body import api


def test_a_valid_item_is_created_with_a_new_id() -> None:
    response = api.requests.post("/items", json={"name": "Widget", "price": 9.5})
    assert response.status_code == 201
    item = response.json()
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
def test_a_bad_item_is_refused_with_the_field_named(body: dict[str, object], field: str) -> None:
    response = api.requests.post("/items", json=body)
    assert response.status_code == 422
    # Responder answers Pydantic's errors, each with the path to its field.
    assert [error["loc"] for error in response.json()["errors"]] == [[field]]
