"""Validate a JSON request body in aiohttp, through aiohttp-apischema."""

from itertools import count
from typing import Annotated, Literal, TypedDict

from aiohttp import web
from aiohttp_apischema import APIResponse, SchemaGenerator
from pydantic import Field

SCHEMA = SchemaGenerator()
# The counter lives in this process: workers do not share it and a restart starts it over; a real app lets its database assign ids.
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
    # Besides validating, setup() publishes the generated OpenAPI schema at /schema and a Swagger UI at /swagger/.
    SCHEMA.setup(app)
    return app
