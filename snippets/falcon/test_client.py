"""Test the json_body recipe with Falcon's testing.TestClient, which simulates requests to the ASGI app in-process."""

import pytest
from falcon import testing
from json_body import app


@pytest.fixture
def client() -> testing.TestClient:
    return testing.TestClient(app)


def test_a_valid_item_is_created_with_a_new_id(client: testing.TestClient) -> None:
    result = client.simulate_post("/items", json={"name": "Widget", "price": 9.5})
    assert result.status_code == 201
    item = result.json
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
def test_a_bad_item_is_refused_with_the_field_named(client: testing.TestClient, body: dict[str, object], field: str) -> None:
    result = client.simulate_post("/items", json=body)
    assert result.status_code == 400
    assert field in result.json["description"]
