"""One in-memory item resource in Bottle: a route per verb on the same path."""

from typing import Any

from bottle import Bottle, HTTPResponse, request

app = Bottle()

# The items live in this process's memory: workers do not share them and a restart loses them; a real app keeps them in a database.
items: dict[int, dict[str, Any]] = {1: {"id": 1, "name": "Widget", "price": 9.5}}


# Bottle's JSON plugin also serialises a dict given as an HTTPResponse body, so a status can go with it.
def not_found() -> HTTPResponse:
    return HTTPResponse({"error": "not found"}, status=404)


# A method with no route on this path gets 405 from Bottle's router, with an Allow header naming the routed ones.
@app.get("/items/<item_id:int>")
def get_item(item_id: int) -> dict[str, Any] | HTTPResponse:
    if item_id not in items:
        return not_found()
    return items[item_id]


@app.put("/items/<item_id:int>")
def put_item(item_id: int) -> dict[str, Any] | HTTPResponse:
    if item_id not in items:
        return not_found()
    data = request.json
    items[item_id] = {"id": item_id, "name": data["name"], "price": data["price"]}
    return items[item_id]


@app.delete("/items/<item_id:int>")
def delete_item(item_id: int) -> HTTPResponse:
    items.pop(item_id, None)
    return HTTPResponse(status=204)
