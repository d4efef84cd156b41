"""Tag every request and response with an X-Request-ID from a pure ASGI middleware wrapped around a Starlette app."""

import re
import uuid

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


class RequestIDMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        given = request.headers.get("X-Request-ID", "")
        request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())
        # The state lives in the scope, so the endpoint's own Request sees it.
        request.state.request_id = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        await self.app(scope, receive, send_with_id)


async def show_request_id(request: Request) -> JSONResponse:
    return JSONResponse({"request_id": request.state.request_id})


async def boom(request: Request) -> Response:
    raise RuntimeError("boom")


# Wrapped around the whole app rather than listed in Starlette(middleware=...), which would put it inside the
# outermost ServerErrorMiddleware: from out here it also stamps the 500 that layer renders for an unhandled exception.
app = RequestIDMiddleware(Starlette(routes=[Route("/", show_request_id), Route("/boom", boom)]))
