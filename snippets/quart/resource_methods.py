"""One in-memory item resource with GET, PUT and DELETE in Quart."""

from pydantic import BaseModel, Field
from quart import Quart, abort
from quart_schema import QuartSchema, validate_request

app = Quart(__name__)
# The validators need it; it also serves the OpenAPI document at /openapi.json and viewers at /docs, /redocs and /scalar.
QuartSchema(app)


class Item(BaseModel):
    name: str
    price: float = Field(gt=0)


# The items live in this process only: other workers do not see them and a restart loses them.
items: dict[int, Item] = {1: Item(name="Widget", price=9.5)}


def as_json(item_id: int) -> dict[str, int | str | float]:
    if item_id not in items:
        abort(404)
    return {"id": item_id, **items[item_id].model_dump()}


@app.get("/items/<int:item_id>")
async def read_item(item_id: int) -> dict[str, int | str | float]:
    return as_json(item_id)


@app.put("/items/<int:item_id>")
@validate_request(Item)
async def replace_item(item_id: int, data: Item) -> dict[str, int | str | float]:
    if item_id not in items:
        abort(404)
    items[item_id] = data
    return as_json(item_id)


# Werkzeug's router answers other methods with 405 and an Allow header.
@app.delete("/items/<int:item_id>")
async def delete_item(item_id: int) -> tuple[str, int]:
    items.pop(item_id, None)
    return "", 204
