"""Give every response an X-Request-ID with a Muffin middleware."""

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from muffin import Application, Request, Response, ResponseError

app = Application()


@app.middleware
async def request_id_middleware(handler: Callable[..., Awaitable[Response]], request: Request, receive: Any, send: Any) -> Response:
    request_id = request.headers.get("x-request-id") or str(uuid.uuid4())
    request["request_id"] = request_id  # kept in the ASGI scope, where the handler reads it
    try:
        response = await handler(request, receive, send)
    except ResponseError as error:
        # HTTP errors such as the router's 404 are raised responses; they get the header too.
        response = error
    response.headers["x-request-id"] = request_id
    return response


@app.route("/")
async def show_request_id(request: Request) -> dict[str, str]:
    return {"request_id": request["request_id"]}
