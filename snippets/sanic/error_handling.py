"""Answer unknown paths and failing handlers with JSON errors in Sanic."""

from sanic import HTTPResponse, Request, Sanic, json
from sanic.exceptions import NotFound, SanicException
from sanic.log import error_logger

app = Sanic("ErrorHandling")


@app.get("/boom")
async def boom(request: Request) -> HTTPResponse:
    raise RuntimeError("secret detail")


@app.exception(NotFound)
async def not_found(request: Request, exception: NotFound) -> HTTPResponse:
    return json({"error": "not found"}, status=404)


# Sanic's own HTTP errors are Exceptions too: without this handler the catch-all below would turn a 405 (and its
# Allow header) into a 500. Handlers are matched on the most specific class, so NotFound still goes to not_found.
@app.exception(SanicException)
async def http_error(request: Request, exception: SanicException) -> HTTPResponse:
    return request.app.error_handler.default(request, exception)


@app.exception(Exception)
async def server_error(request: Request, exception: Exception) -> HTTPResponse:
    # The details go to the log, never to the client.
    error_logger.exception("unhandled error on %s", request.path, exc_info=exception)
    return json({"error": "internal server error"}, status=500)
