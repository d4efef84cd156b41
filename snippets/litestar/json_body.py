"""Validate a JSON request body with a msgspec Struct in Litestar."""

from itertools import count
from typing import Annotated

import msgspec
from litestar import Litestar, post
from litestar.params import JSONBody


class NewItem(msgspec.Struct):
    name: str
    price: Annotated[float, msgspec.Meta(gt=0)]


class Item(NewItem):
    id: int


# The counter lives in this process: workers do not share it and a restart resets it; a real app lets its database number items.
next_id = count(1)


# POST handlers answer 201 Created by default; invalid bodies get a 400 listing the failing keys.
@post("/items")
async def create_item(data: JSONBody[NewItem]) -> Item:
    return Item(id=next(next_id), name=data.name, price=data.price)


# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(route_handlers=[create_item])
