"""Answer unknown paths and failing handlers with JSON errors in Sanic, through its error handler."""

from sanic import HTTPResponse, Request, Sanic, json
from sanic.exceptions import NotFound, SanicException
from sanic.handlers import ErrorHandler


class JsonErrorHandler(ErrorHandler):
    def default(self, request: Request, exception: Exception) -> HTTPResponse:
        # Sanic calls this for every exception no @app.exception handler takes. Its own HTTP errors, such as a 405
        # with its Allow header, keep their usual answer.
        if isinstance(exception, SanicException):
            return super().default(request, exception)
        # The traceback goes to Sanic's error log, never to the client.
        self.log(request, exception)
        return json({"error": "internal server error"}, status=500)


# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("ErrorHandling", error_handler=JsonErrorHandler())


@app.get("/boom")
async def boom(request: Request) -> HTTPResponse:
    raise RuntimeError("secret detail")


@app.exception(NotFound)
async def not_found(request: Request, exception: NotFound) -> HTTPResponse:
    return json({"error": "not found"}, status=404)
