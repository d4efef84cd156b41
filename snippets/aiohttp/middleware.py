"""Give every response an X-Request-ID: an aiohttp middleware picks it, an on_response_prepare signal sends it."""

import re
from uuid import uuid4

from aiohttp import web
from aiohttp.typedefs import Handler

REQUEST_ID = web.RequestKey("request_id", str)
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@web.middleware
async def request_id(request: web.Request, handler: Handler) -> web.StreamResponse:
    given = request.headers.get("X-Request-ID", "")
    request[REQUEST_ID] = given if WELL_FORMED_ID.fullmatch(given) else str(uuid4())
    return await handler(request)


# A handler's exception becomes its 500 outside every middleware; this signal runs for that answer too.
async def send_request_id(request: web.Request, response: web.StreamResponse) -> None:
    if REQUEST_ID in request:
        response.headers["X-Request-ID"] = request[REQUEST_ID]


async def show_request_id(request: web.Request) -> web.Response:
    return web.json_response({"request_id": request[REQUEST_ID]})


async def boom(request: web.Request) -> web.Response:
    raise RuntimeError("boom")


def create_app(argv: list[str]) -> web.Application:
    app = web.Application(middlewares=[request_id])
    app.on_response_prepare.append(send_request_id)
    app.add_routes([web.get("/", show_request_id), web.get("/boom", boom)])
    return app
