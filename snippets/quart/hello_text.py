"""Answer GET / with plain text from Quart."""

from quart import Quart, Response

app = Quart(__name__)


@app.get("/")
async def hello() -> Response:
    # A bare string would be sent as text/html, Quart's default mimetype.
    return Response("Hello, world!", mimetype="text/plain")
