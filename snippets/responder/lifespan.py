"""Open one httpx.AsyncClient in Responder's lifespan context manager, keep it in api.state, close it at shutdown."""

import contextlib
import logging
import os
from collections.abc import AsyncIterator

import httpx
import responder

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")
# `responder run` serves the app with Uvicorn, which prints its "uvicorn.error" logger's INFO lines; Responder's own
# loggers print them only when the API is made with enable_logging=True.
logger = logging.getLogger("uvicorn.error")


@contextlib.asynccontextmanager
async def lifespan(api: responder.API) -> AsyncIterator[None]:
    async with httpx.AsyncClient(base_url=UPSTREAM_URL, timeout=10) as client:
        # Fail fast: if the upstream does not answer, the server stops instead of serving without it.
        (await client.get("/")).raise_for_status()
        # api.state is Responder's place for app-wide values; handlers reach it as req.api.state.
        api.state.upstream = client
        yield
    logger.info("upstream client closed")


api = responder.API(lifespan=lifespan)


@api.route("/")
async def relay(req: responder.Request, resp: responder.Response) -> None:
    upstream = await req.api.state.upstream.get("/")
    resp.media = {"upstream": upstream.status_code}
