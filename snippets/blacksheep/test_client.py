"""Test the json_body recipe with BlackSheep's TestClient, which simulates requests to the app in-process, on anyio's pytest plugin."""

from collections.abc import AsyncIterator

import pytest
from blacksheep.contents import JSONContent
from blacksheep.testing import TestClient
from json_body import app

# anyio's pytest plugin runs the marked tests and their async fixtures on asyncio, its default backend; unlike pytest-asyncio,
# which BlackSheep's docs use, it asks for no configuration file.
pytestmark = pytest.mark.anyio


@pytest.fixture
async def client() -> AsyncIterator[TestClient]:
    # The TestClient refuses an app that has not started: start() runs the app's startup, as a server would.
    await app.start()
    yield TestClient(app)
    await app.stop()


async def test_a_valid_item_is_created_with_a_new_id(client: TestClient) -> None:
    response = await client.post("/items", content=JSONContent({"name": "Widget", "price": 9.5}))
    assert response.status == 201
    item = await response.json()
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
async def test_a_bad_item_is_refused_with_the_field_named(client: TestClient, body: dict[str, object], field: str) -> None:
    response = await client.post("/items", content=JSONContent(body))
    assert response.status == 400
    assert [error["loc"] for error in await response.json()] == [[field]]
