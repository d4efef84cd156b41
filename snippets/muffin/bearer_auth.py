"""Let in only requests that carry the API token, with a Muffin middleware that names the client and a ResponseError."""

import hmac
import os
from collections.abc import Awaitable, Callable
from typing import Any

from muffin import Application, Request, Response, ResponseError

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

app = Application()


# The middleware only says who is calling; each route decides whether it needs someone, so open routes stay open.
@app.middleware
async def bearer_token(handler: Callable[..., Awaitable[Response]], request: Request, receive: Any, send: Any) -> Response:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
    known = scheme.lower() == "bearer" and hmac.compare_digest(token.encode(), API_TOKEN)
    request["user"] = "api-client" if known else None  # kept in the ASGI scope, where the route reads it
    return await handler(request, receive, send)


@app.route("/me", methods="GET")
async def me(request: Request) -> dict[str, str]:
    if request["user"] is None:
        raise ResponseError.UNAUTHORIZED(headers={"WWW-Authenticate": "Bearer"})
    return {"user": request["user"]}
