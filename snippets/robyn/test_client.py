"""Test the json_body recipe with Robyn's TestClient from robyn.testing, which runs the handlers in-process."""

from collections.abc import Iterator

import pytest
from json_body import app

# Imported as a module: pytest would try to collect a class called Test... that a test file imports.
from robyn import testing


@pytest.fixture
def client() -> Iterator[testing.TestClient]:
    # Leaving the client closes the event loop it runs async handlers on.
    with testing.TestClient(app) as client:
        yield client


def test_a_valid_item_is_created_with_a_new_id(client: testing.TestClient) -> None:
    response = client.post("/items", json_data={"name": "Widget", "price": 9.5})
    assert response.status_code == 201
    item = response.json()
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
def test_a_bad_item_is_refused_with_the_field_named(client: testing.TestClient, body: dict[str, object], field: str) -> None:
    response = client.post("/items", json_data=body)
    assert response.status_code == 422
    # Robyn answers Pydantic's errors, each with the path to its field.
    assert [error["loc"] for error in response.json()["detail"]] == [[field]]
