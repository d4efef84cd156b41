"""Test the json_body recipe with Litestar's TestClient from litestar.testing, which calls the app in-process."""

from collections.abc import Iterator

import pytest
from json_body import app
from litestar import Litestar
from litestar.testing import TestClient


@pytest.fixture
def client() -> Iterator[TestClient[Litestar]]:
    # Entering the client runs the app's startup and shutdown, as a server would.
    with TestClient(app=app) as client:
        yield client


def test_a_valid_item_is_created_with_a_new_id(client: TestClient[Litestar]) -> None:
    response = client.post("/items", json={"name": "Widget", "price": 9.5})
    assert response.status_code == 201
    item = response.json()
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
def test_a_bad_item_is_refused_with_the_field_named(client: TestClient[Litestar], body: dict[str, object], field: str) -> None:
    response = client.post("/items", json=body)
    assert response.status_code == 400
    # Litestar lists msgspec's errors in "extra": a wrong field is an error's key, a missing one is named in its message.
    assert any(error["key"] == field or f"`{field}`" in error["message"] for error in response.json()["extra"])
