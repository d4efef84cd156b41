"""One in-memory item resource with GET, PUT and DELETE routes in hug."""

import hug

# The items live in this process: workers do not share them and a restart resets them; a real app keeps them in a database.
items = {1: {"name": "Widget", "price": 9.5}}


# hug answers an unknown path with a 404 that documents every route of this module (a @hug.not_found() handler replaces it).
# Falcon, under hug, answers other methods on this path with 405 and an Allow header.
@hug.get("/items/{item_id}")
def read_item(item_id: hug.types.number, response):
    if item_id not in items:
        response.status = hug.HTTP_404
        return {"error": "not found"}
    return {"id": item_id, **items[item_id]}


@hug.put("/items/{item_id}")
def replace_item(item_id: hug.types.number, name: hug.types.text, price: hug.types.float_number, response):
    if item_id not in items:
        response.status = hug.HTTP_404
        return {"error": "not found"}
    items[item_id] = {"name": name, "price": price}
    return {"id": item_id, **items[item_id]}


@hug.delete("/items/{item_id}", status=hug.HTTP_204)
def delete_item(item_id: hug.types.number):
    items.pop(item_id, None)
