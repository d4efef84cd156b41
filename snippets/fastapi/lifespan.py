"""FastAPI's lifespan context opens one httpx.AsyncClient, a dependency hands it to the path operation, and it is closed at shutdown."""

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, Request

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")
# FastAPI's own "fastapi" logger has no handler, so its INFO lines vanish; Uvicorn configures and prints its
# "uvicorn.error" logger at INFO, which makes it the one an app served by Uvicorn can be heard through.
log = logging.getLogger("uvicorn.error")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    async with httpx.AsyncClient(base_url=UPSTREAM_URL, timeout=10) as upstream:
        # Until this context yields, Uvicorn lets no request in, so a dead upstream stops the start instead.
        (await upstream.get("/")).raise_for_status()
        # The yielded mapping is copied into every request's state.
        yield {"upstream": upstream}
    log.info("upstream client closed")


def upstream_client(request: Request) -> httpx.AsyncClient:
    client: httpx.AsyncClient = request.state.upstream
    return client


Upstream = Annotated[httpx.AsyncClient, Depends(upstream_client)]

app = FastAPI(lifespan=lifespan)


@app.get("/")
async def relay(upstream: Upstream) -> dict[str, int]:
    answer = await upstream.get("/")
    return {"upstream": answer.status_code}
