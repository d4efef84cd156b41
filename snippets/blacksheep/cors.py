"""Allow one origin with BlackSheep's CORS support."""

from typing import Any

from blacksheep import Application, FromJSON, Response, get, json, post

app = Application()
# A request from any other origin is refused with 400, where most frameworks answer it without the CORS headers.
app.use_cors(allow_origins=["https://app.example.com"], allow_methods=["GET", "POST"], allow_headers=["Content-Type"])

# The list lives in this process's memory: workers do not share it and a restart empties it; a real app keeps items in a database.
items: list[dict[str, Any]] = []


@get("/items")
async def list_items() -> Response:
    return json(items)


# BlackSheep answers a preflight only when a route takes the method it announces, so POST /items exists.
@post("/items")
async def add_item(data: FromJSON[dict[str, Any]]) -> Response:
    items.append(data.value)
    return json(data.value, status=201)
