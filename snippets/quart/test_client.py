"""Test the json_body recipe with Quart's test client, which calls the app in-process, under anyio's pytest plugin."""

from collections.abc import AsyncIterator

import pytest
from json_body import app
from quart import typing as quart_typing

# Named without its Test prefix: pytest would try to collect a class called Test... that a test file imports.
Client = quart_typing.TestClientProtocol
# Quart's client is async; anyio's pytest plugin runs each test and fixture on one asyncio loop.
pytestmark = pytest.mark.anyio


@pytest.fixture
async def client() -> AsyncIterator[Client]:
    # test_app() runs the app's startup and shutdown around the test, as a server would.
    async with app.test_app() as test_app:
        yield test_app.test_client()


async def test_a_valid_item_is_created_with_a_new_id(client: Client) -> None:
    response = await client.post("/items", json={"name": "Widget", "price": 9.5})
    assert response.status_code == 201
    item = await response.get_json()
    assert isinstance(item["id"], int)
    assert item == {"id": item["id"], "name": "Widget", "price": 9.5}


@pytest.mark.parametrize(("body", "field"), [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")])
async def test_a_bad_item_is_refused_with_the_field_named(client: Client, body: dict[str, object], field: str) -> None:
    response = await client.post("/items", json=body)
    assert response.status_code == 400
    # The recipe answers Pydantic's message, whose lines name each failing field.
    assert field in (await response.get_json())["error"].splitlines()
