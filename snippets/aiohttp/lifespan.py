"""Keep one aiohttp.ClientSession for the app's lifetime in a cleanup context, stored under an AppKey."""

import logging
import os
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")
# python -m aiohttp.web sends every logger's records to the console from DEBUG up, this module's own included.
logger = logging.getLogger(__name__)
upstream = web.AppKey("upstream", aiohttp.ClientSession)


async def upstream_session(app: web.Application) -> AsyncIterator[None]:
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(UPSTREAM_URL, timeout=timeout) as session:
        # aiohttp opens the listening socket only once every cleanup context has reached its yield, so no request
        # comes in before the upstream has answered; a failed check stops the server instead.
        async with session.get("/", raise_for_status=True):
            pass
        app[upstream] = session
        yield
    logger.info("upstream client closed")


async def relay(request: web.Request) -> web.Response:
    async with request.app[upstream].get("/") as answer:
        return web.json_response({"upstream": answer.status})


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    # The code before its yield runs at startup, the code after it at shutdown, SIGTERM's included.
    app.cleanup_ctx.append(upstream_session)
    app.add_routes([web.get("/", relay)])
    return app
