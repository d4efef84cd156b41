"""Validate a JSON request body in aiohttp, through aiohttp-apischema."""

from itertools import count
from typing import Annotated, Literal, TypedDict

from aiohttp import web
from aiohttp_apischema import APIResponse, SchemaGenerator
from pydantic import Field

SCHEMA = SchemaGenerator()
next_id = count(1)


class NewItem(TypedDict):
    name: str
    price: Annotated[float, Field(gt=0)]


class Item(NewItem):
    id: int


@SCHEMA.api()
async def create_item(request: web.Request, body: NewItem) -> APIResponse[Item, Literal[201]]:
    item: Item = {"id": next(next_id), **body}
    return APIResponse(item, status=201)


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app.add_routes([web.post("/items", create_item)])
    SCHEMA.setup(app)
    return app
