"""Answer unknown paths and failing handlers with JSON errors, from an aiohttp middleware."""

import logging

from aiohttp import web
from aiohttp.typedefs import Handler

logger = logging.getLogger(__name__)


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return web.json_response({"error": "not found"}, status=404)
    except web.HTTPException:
        raise
    except Exception:
        # The details go to the log, never to the client.
        logger.exception("unhandled error on %s", request.path)
        return web.json_response({"error": "internal server error"}, status=500)


async def boom(request: web.Request) -> web.Response:
    raise RuntimeError("secret detail")


def create_app(argv: list[str]) -> web.Application:
    app = web.Application(middlewares=[json_errors])
    app.add_routes([web.get("/boom", boom)])
    return app
