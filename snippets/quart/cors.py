"""Allow one origin to call a Quart app with Quart-CORS."""

from typing import Any

from quart import Quart, request
from quart_cors import cors

app = cors(
    Quart(__name__),
    allow_origin="https://app.example.com",
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type"],
)
# The list lives in this process only: other workers do not see it and a restart empties it.
items: list[Any] = []


@app.get("/items")
async def list_items() -> list[Any]:
    return items


@app.post("/items")
async def add_item() -> tuple[Any, int]:
    item = await request.get_json()
    items.append(item)
    return item, 201
