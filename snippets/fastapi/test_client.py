"""Test the json_body recipe with FastAPI's TestClient, Starlette's, which calls the app in-process through httpx2."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from json_body import app


@pytest.fixture
def client() -> Iterator[TestClient]:
    # Entering the client runs the app's lifespan, as a server would at startup and shutdown.
    with TestClient(app) as client:
        yield client


def test_a_valid_item_is_created_with_a_new_id(client: TestClient) -> None:
    response = client.post("/items", json={"name": "Widget", "price": 9.5})
    assert response.status_code == 201
    item = response.json()
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
def test_a_bad_item_is_refused_with_the_field_named(client: TestClient, body: dict[str, object], field: str) -> None:
    response = client.post("/items", json=body)
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
