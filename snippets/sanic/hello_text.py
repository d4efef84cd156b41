"""Return a plain-text greeting from Sanic."""

from sanic import HTTPResponse, Request, Sanic, text

app = Sanic("HelloText")


@app.get("/")
async def hello(request: Request) -> HTTPResponse:
    return text("Hello, world!")
