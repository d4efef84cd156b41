"""Answer unknown paths and failing handlers with JSON errors in Sanic."""

from sanic import HTTPResponse, Request, Sanic, json
from sanic.exceptions import NotFound
from sanic.log import error_logger

app = Sanic("ErrorHandling")


@app.get("/boom")
async def boom(request: Request) -> HTTPResponse:
    raise RuntimeError("secret detail")


@app.exception(NotFound)
async def not_found(request: Request, exception: NotFound) -> HTTPResponse:
    return json({"error": "not found"}, status=404)


@app.exception(Exception)
async def server_error(request: Request, exception: Exception) -> HTTPResponse:
    # The details go to the log, never to the client.
    error_logger.exception("unhandled error on %s", request.path, exc_info=exception)
    return json({"error": "internal server error"}, status=500)
