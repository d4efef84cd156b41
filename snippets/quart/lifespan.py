"""Open one httpx.AsyncClient in a Quart while_serving generator, keep it on the app, and close it at shutdown."""

import logging
import os
from collections.abc import AsyncIterator

import httpx
from quart import Quart

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")
# Quart's own app.logger stays at WARNING unless configured; Hypercorn, which serves the app, prints its
# "hypercorn.error" logger's INFO lines to stderr by default.
logger = logging.getLogger("hypercorn.error")

app = Quart(__name__)


@app.while_serving
async def upstream_client() -> AsyncIterator[None]:
    # Everything up to the yield runs before Hypercorn accepts the first request; the rest, after it served the last.
    async with httpx.AsyncClient(base_url=UPSTREAM_URL, timeout=10) as client:
        # Fail fast: a startup error stops the server instead of leaving it up without its upstream.
        (await client.get("/")).raise_for_status()
        # Quart's docs keep app-wide resources on the app: g is reset once startup is over.
        app.upstream = client
        yield
    logger.info("upstream client closed")


@app.get("/")
async def relay() -> dict[str, int]:
    upstream = await app.upstream.get("/")
    return {"upstream": upstream.status_code}
