"""Check and close one httpx.AsyncClient from a Falcon middleware's process_startup and process_shutdown methods."""

import logging
import os
from typing import Any

import falcon.asgi
import httpx

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")
# Uvicorn, which serves this app, prints the INFO lines of its "uvicorn.error" logger, its general one.
logger = logging.getLogger("uvicorn.error")


class Upstream:
    """Owns the app's client; Falcon calls the two methods on the server's ASGI lifespan events."""

    def __init__(self, base_url: str) -> None:
        # Making the client opens no connection yet; its first request does.
        self.client = httpx.AsyncClient(base_url=base_url, timeout=10)

    async def process_startup(self, scope: dict[str, Any], event: dict[str, Any]) -> None:
        # Uvicorn accepts connections only once this has returned; an error here stops the server instead.
        (await self.client.get("/")).raise_for_status()

    async def process_shutdown(self, scope: dict[str, Any], event: dict[str, Any]) -> None:
        await self.client.aclose()
        logger.info("upstream client closed")


class Relay:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        answer = await self._client.get("/")
        resp.media = {"upstream": answer.status_code}


upstream = Upstream(UPSTREAM_URL)
app = falcon.asgi.App(middleware=[upstream])
# As in Falcon's ASGI tutorial, a resource gets the objects it shares through its constructor.
app.add_route("/", Relay(upstream.client))
