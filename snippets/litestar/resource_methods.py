"""Serve GET, PUT and DELETE on one in-memory resource with a Litestar Controller."""

import msgspec
from litestar import Controller, Litestar, delete, get, put
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody


class ItemIn(msgspec.Struct):
    name: str
    price: float


class Item(ItemIn):
    id: int


# The items live in this process: workers do not share them and a restart resets them; a real app keeps them in a database.
ITEMS: dict[int, Item] = {1: Item(id=1, name="Widget", price=9.5)}


class ItemController(Controller):
    path = "/items/{item_id:int}"

    @get()
    async def read(self, item_id: FromPath[int]) -> Item:
        if item_id not in ITEMS:
            raise NotFoundException()
        return ITEMS[item_id]

    @put()
    async def replace(self, item_id: FromPath[int], data: JSONBody[ItemIn]) -> Item:
        if item_id not in ITEMS:
            raise NotFoundException()
        ITEMS[item_id] = Item(id=item_id, name=data.name, price=data.price)
        return ITEMS[item_id]

    # DELETE handlers answer 204 No Content by default.
    @delete()
    async def remove(self, item_id: FromPath[int]) -> None:
        ITEMS.pop(item_id, None)


# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(route_handlers=[ItemController])
