"""Answer with a JSON object from BlackSheep."""

from blacksheep import Application, Response, get, json

app = Application()


@get("/")
async def hello() -> Response:
    return json({"message": "Hello, world!", "framework": "blacksheep"})
