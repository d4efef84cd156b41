"""One in-memory item resource with GET, PUT and DELETE responders in Falcon."""

from typing import Any

import falcon
import falcon.asgi
from falcon.media.validators import jsonschema

ITEM = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "price": {"type": "number", "exclusiveMinimum": 0},
    },
    "required": ["name", "price"],
}


# Falcon answers methods without an on_<method> responder with 405 and an Allow header.
class Item:
    def __init__(self) -> None:
        # The items live in this process's memory: workers do not share them and a restart loses them; a real app keeps them in a database.
        self.items: dict[int, dict[str, Any]] = {1: {"name": "Widget", "price": 9.5}}

    def find(self, item_id: int) -> dict[str, Any]:
        if item_id not in self.items:
            raise falcon.HTTPNotFound()
        return {"id": item_id, **self.items[item_id]}

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, item_id: int) -> None:
        resp.media = self.find(item_id)

    @jsonschema.validate(req_schema=ITEM)
    async def on_put(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, item_id: int) -> None:
        self.find(item_id)
        data = await req.get_media()
        self.items[item_id] = {"name": data["name"], "price": data["price"]}
        resp.media = self.find(item_id)

    async def on_delete(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, item_id: int) -> None:
        self.items.pop(item_id, None)
        resp.status = falcon.HTTP_204


app = falcon.asgi.App()
app.add_route("/items/{item_id:int}", Item())
