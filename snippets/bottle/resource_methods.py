"""One in-memory item resource in Bottle: a route per verb on the same path."""

from typing import Any

from bottle import Bottle, request, response

app = Bottle()

items: dict[int, dict[str, Any]] = {1: {"id": 1, "name": "Widget", "price": 9.5}}


def not_found() -> dict[str, str]:
    response.status = 404
    return {"error": "not found"}


# A method with no route on this path gets 405 from Bottle's router, with an Allow header naming the routed ones.
@app.get("/items/<item_id:int>")
def get_item(item_id: int) -> dict[str, Any]:
    if item_id not in items:
        return not_found()
    return items[item_id]


@app.put("/items/<item_id:int>")
def put_item(item_id: int) -> dict[str, Any]:
    if item_id not in items:
        return not_found()
    data = request.json
    items[item_id] = {"id": item_id, "name": data["name"], "price": data["price"]}
    return items[item_id]


@app.delete("/items/<item_id:int>")
def delete_item(item_id: int) -> str:
    items.pop(item_id, None)
    response.status = 204
    return ""
