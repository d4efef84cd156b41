"""Read an integer route parameter in BlackSheep."""

from blacksheep import Application, Response, get, json

app = Application()


# The annotation makes BlackSheep convert the value, and answer 400 when it is not an integer.
@get("/items/{item_id}")
async def read_item(item_id: int) -> Response:
    return json({"item_id": item_id})
