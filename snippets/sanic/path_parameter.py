"""Read an integer path parameter in Sanic."""

from sanic import HTTPResponse, Request, Sanic, json

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("PathParameter")


@app.get("/items/<item_id:int>")
async def read_item(request: Request, item_id: int) -> HTTPResponse:
    return json({"item_id": item_id})
