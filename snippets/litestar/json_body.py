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


next_id = count(1)


# POST handlers answer 201 Created by default; invalid bodies get a 400 listing the failing keys.
@post("/items")
async def create_item(data: JSONBody[NewItem]) -> Item:
    return Item(id=next(next_id), name=data.name, price=data.price)


app = Litestar(route_handlers=[create_item])
