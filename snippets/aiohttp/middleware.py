"""Give every response an X-Request-ID from an aiohttp middleware."""

from uuid import uuid4

from aiohttp import web
from aiohttp.typedefs import Handler

REQUEST_ID = web.RequestKey("request_id", str)


@web.middleware
async def request_id(request: web.Request, handler: Handler) -> web.StreamResponse:
    request[REQUEST_ID] = request.headers.get("X-Request-ID") or str(uuid4())
    try:
        response = await handler(request)
    except web.HTTPException as error:
        # Error answers such as the router's 404 arrive as exceptions; they are responses too.
        error.headers["X-Request-ID"] = request[REQUEST_ID]
        raise
    response.headers["X-Request-ID"] = request[REQUEST_ID]
    return response


async def show_request_id(request: web.Request) -> web.Response:
    return web.json_response({"request_id": request[REQUEST_ID]})


def create_app(argv: list[str]) -> web.Application:
    app = web.Application(middlewares=[request_id])
    app.add_routes([web.get("/", show_request_id)])
    return app
