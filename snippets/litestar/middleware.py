"""Give every response an X-Request-ID with a Litestar middleware and a before_send hook."""

import re
import uuid

from litestar import Litestar, Request, get
from litestar.datastructures import Headers, MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


def request_id_of(scope: Scope) -> str:
    """The request's own well-formed X-Request-ID or a new UUID4, chosen once per request and kept in its state."""
    state = scope["state"]
    if "request_id" not in state:
        given = Headers.from_scope(scope).get("x-request-id", "")
        state["request_id"] = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())
    return state["request_id"]


class RequestIDMiddleware(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        request_id_of(scope)
        await next_app(scope, receive, send)


# Middleware only wraps matched routes: the router's own 404 and 405 answers skip it. The app-level
# before_send hook sees every response, so the header is stamped there.
async def stamp_request_id(message: Message, scope: Scope) -> None:
    if message["type"] == "http.response.start":
        MutableScopeHeaders.from_message(message)["X-Request-ID"] = request_id_of(scope)


@get("/")
async def show_request_id(request: Request) -> dict[str, str]:
    return {"request_id": request.state.request_id}


@get("/boom")
async def boom() -> None:
    raise RuntimeError("boom")


# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(route_handlers=[show_request_id, boom], middleware=[RequestIDMiddleware()], before_send=[stamp_request_id])
