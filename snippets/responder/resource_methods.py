"""Serve GET, PUT and DELETE on one in-memory resource with a Responder class-based view."""

import responder
from pydantic import BaseModel

api = responder.API()


class ItemData(BaseModel):
    name: str
    price: float


# The items live in this process only: other workers do not see them and a restart loses them.
items: dict[int, dict[str, object]] = {1: {"id": 1, "name": "Widget", "price": 9.5}}


# Responder answers other methods with 405 and an Allow header naming the on_* methods defined here.
@api.route("/items/{item_id:int}")
class ItemResource:
    def on_get(self, req: responder.Request, resp: responder.Response, *, item_id: int) -> None:
        if item_id not in items:
            responder.abort(404, detail="Item not found")
        resp.media = items[item_id]

    def on_put(self, req: responder.Request, resp: responder.Response, *, item_id: int, data: ItemData) -> None:
        if item_id not in items:
            responder.abort(404, detail="Item not found")
        items[item_id] = {"id": item_id, **data.model_dump()}
        resp.media = items[item_id]

    def on_delete(self, req: responder.Request, resp: responder.Response, *, item_id: int) -> None:
        items.pop(item_id, None)
        resp.no_content()
