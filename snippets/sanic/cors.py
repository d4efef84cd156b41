"""Allow one origin through CORS with Sanic Extensions."""

from sanic import HTTPResponse, Request, Sanic, json

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("Cors")
app.config.CORS_ORIGINS = "https://app.example.com"
app.config.CORS_ALLOW_HEADERS = "content-type"


@app.get("/items")
async def list_items(request: Request) -> HTTPResponse:
    return json([])


@app.post("/items")
async def create_item(request: Request) -> HTTPResponse:
    return json(request.json, status=201)
