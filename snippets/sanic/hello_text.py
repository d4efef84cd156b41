"""Return a plain-text greeting from Sanic."""

from sanic import HTTPResponse, Request, Sanic, text

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("HelloText")


@app.get("/")
async def hello(request: Request) -> HTTPResponse:
    return text("Hello, world!")
