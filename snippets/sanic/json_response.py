"""Return a JSON object from Sanic."""

from sanic import HTTPResponse, Request, Sanic, json

app = Sanic("JsonResponse")


@app.get("/")
async def hello(request: Request) -> HTTPResponse:
    return json({"message": "Hello, world!", "framework": "sanic"})
