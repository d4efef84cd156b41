"""Open BlackSheep's own ClientSession in an app.lifespan generator and inject it into handlers as a service."""

import logging
import os
from collections.abc import AsyncIterator

from blacksheep import Application, Response, get, json
from blacksheep.client import ClientSession

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")
# Uvicorn, which serves this app, prints the INFO lines of its "uvicorn.error" logger, its general one.
logger = logging.getLogger("uvicorn.error")

app = Application()


# BlackSheep runs the code before the yield on the server's startup event, which Uvicorn awaits before it accepts
# connections, and the code after it on the shutdown event.
@app.lifespan
async def upstream_client() -> AsyncIterator[None]:
    async with ClientSession(base_url=UPSTREAM_URL, request_timeout=10) as client:
        check = await client.get("/")
        if check.status >= 400:
            raise RuntimeError(f"the upstream answered {check.status} to the startup check")
        # One instance for the whole app: handlers get it by annotating a parameter with its type.
        app.services.register(ClientSession, instance=client)
        yield
    logger.info("upstream client closed")


@get("/")
async def relay(client: ClientSession) -> Response:
    answer = await client.get("/")
    return json({"upstream": answer.status})
