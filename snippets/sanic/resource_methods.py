"""Serve GET, PUT and DELETE on one in-memory resource with a Sanic class-based view."""

from pydantic import BaseModel
from sanic import HTTPResponse, Request, Sanic, empty, json
from sanic.exceptions import NotFound
from sanic.views import HTTPMethodView
from sanic_ext import validate

app = Sanic("ResourceMethods")
# Switched off: the automatic HEAD and OPTIONS routes of Sanic Extensions make the router drop the
# Allow header from a 405 on a route with a path parameter. Its validate decorator still works.
app.config.AUTO_EXTEND = False


class Item(BaseModel):
    name: str
    price: float


# The items live in this process only: other workers do not see them and a restart loses them.
items: dict[int, Item] = {1: Item(name="Widget", price=9.5)}


class ItemView(HTTPMethodView):
    async def get(self, request: Request, item_id: int) -> HTTPResponse:
        if item_id not in items:
            raise NotFound("no such item")
        return json({"id": item_id, **items[item_id].model_dump()})

    @validate(json=Item)
    async def put(self, request: Request, item_id: int, body: Item) -> HTTPResponse:
        if item_id not in items:
            raise NotFound("no such item")
        items[item_id] = body
        return json({"id": item_id, **body.model_dump()})

    async def delete(self, request: Request, item_id: int) -> HTTPResponse:
        items.pop(item_id, None)
        return empty()


app.add_route(ItemView.as_view(), "/items/<item_id:int>")
