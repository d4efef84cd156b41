"""Return a JSON object from Sanic."""

from sanic import HTTPResponse, Request, Sanic, json

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("JsonResponse")


@app.get("/")
async def hello(request: Request) -> HTTPResponse:
    return json({"message": "Hello, world!", "framework": "sanic"})
