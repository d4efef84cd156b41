"""Give every response an X-Request-ID with a Muffin middleware and an error handler for the 500."""

import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from muffin import Application, Request, Response, ResponseError

app = Application()
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@app.middleware
async def request_id_middleware(handler: Callable[..., Awaitable[Response]], request: Request, receive: Any, send: Any) -> Response:
    given = request.headers.get("x-request-id", "")
    request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())
    request["request_id"] = request_id  # kept in the ASGI scope, where the handler reads it
    try:
        response = await handler(request, receive, send)
    except ResponseError as error:
        # HTTP errors such as the router's 404 are raised responses; they get the header too.
        response = error
    response.headers["x-request-id"] = request_id
    return response


# Any other exception is answered by the error handlers, outside every middleware; this one logs it, as Muffin's
# default does, and adds the header to its 500.
@app.on_error(Exception)
async def server_error(request: Request, exc: Exception) -> Response:
    app.logger.exception("Unhandled error", exc_info=exc)
    error = ResponseError.INTERNAL_SERVER_ERROR()
    error.headers["x-request-id"] = request["request_id"]
    return error


@app.route("/", methods="GET")
async def show_request_id(request: Request) -> dict[str, str]:
    return {"request_id": request["request_id"]}


@app.route("/boom", methods="GET")
async def boom(request: Request) -> None:
    raise RuntimeError("boom")
