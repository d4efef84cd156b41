"""Test the json_body recipe with aiohttp's TestClient, through AioHTTPTestCase, aiohttp's unittest case, which pytest runs as is."""

from aiohttp import web
from aiohttp.test_utils import AioHTTPTestCase
from json_body import create_app


# aiohttp's docs also show pytest-aiohttp's aiohttp_client fixture, but it brings pytest-asyncio, which warns unless a
# configuration file sets its loop scope; this case needs neither.
class TestJsonBody(AioHTTPTestCase):
    # Each test gets a fresh app, served by aiohttp's TestServer on a free loopback port in this process, and self.client to call it.
    async def get_application(self) -> web.Application:
        return create_app([])

    async def test_a_valid_item_is_created_with_a_new_id(self) -> None:
        response = await self.client.post("/items", json={"name": "Widget", "price": 9.5})
        assert response.status == 201
        item = await response.json()
        assert isinstance(item["id"], int)
        assert item == {"id": item["id"], "name": "Widget", "price": 9.5}

    async def test_a_bad_item_is_refused_with_the_field_named(self) -> None:
        for body, field in [({"price": 9.5}, "name"), ({"name": "Widget", "price": 0}, "price")]:
            with self.subTest(field=field):
                response = await self.client.post("/items", json=body)
                assert response.status == 400
                assert [error["loc"] for error in await response.json()] == [[field]]
