"""Test the json_body recipe with Muffin's TestClient, which calls the app in-process, under anyio's pytest plugin."""

import muffin
import pytest
from json_body import app

# Muffin's client is async; anyio's pytest plugin runs each test, on asyncio by default.
pytestmark = pytest.mark.anyio


# Muffin's pytest plugin has a client fixture too, but it needs the app named with --muffin-app on the command line.
@pytest.fixture
def client() -> muffin.TestClient:
    return muffin.TestClient(app)


async def test_a_valid_item_is_created_with_a_new_id(client: muffin.TestClient) -> None:
    response = await client.post("/items", json={"name": "Widget", "price": 9.5})
    assert response.status_code == 201
    item = await response.json()
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
async def test_a_bad_item_is_refused_with_the_field_named(client: muffin.TestClient, body: dict[str, object], field: str) -> None:
    response = await client.post("/items", json=body)
    assert response.status_code == 400
    # muffin-rest lists the errors by field.
    assert list((await response.json())["errors"]) == [field]
