"""Open one httpx.AsyncClient in Starlette's lifespan, use it from a handler, and close it when the server stops."""

import contextlib
import logging
import os
from collections.abc import AsyncIterator

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")
# Uvicorn, which serves this app, prints the INFO lines of its "uvicorn.error" logger, its general one.
logger = logging.getLogger("uvicorn.error")


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    async with httpx.AsyncClient(base_url=UPSTREAM_URL, timeout=10) as client:
        # Fail fast: the server starts taking requests only once the upstream has answered.
        (await client.get("/")).raise_for_status()
        # What the lifespan yields becomes each request's state.
        yield {"client": client}
    logger.info("upstream client closed")


async def relay(request: Request) -> JSONResponse:
    client: httpx.AsyncClient = request.state.client
    upstream = await client.get("/")
    return JSONResponse({"upstream": upstream.status_code})


app = Starlette(routes=[Route("/", relay)], lifespan=lifespan)
