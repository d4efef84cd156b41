"""A context manager in Litestar's lifespan list keeps one httpx.AsyncClient on app.state; the handler takes it from the injected State."""

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from litestar import Litestar, get
from litestar.datastructures import State

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")
# Uvicorn's "uvicorn.error" logger writes at once. Litestar's own logger goes through a queue that a thread drains, and
# Uvicorn ends the process by raising SIGTERM again after shutdown, which can drop a line the thread had not printed yet.
log = logging.getLogger("uvicorn.error")


@asynccontextmanager
async def upstream_client(app: Litestar) -> AsyncIterator[None]:
    async with httpx.AsyncClient(base_url=UPSTREAM_URL, timeout=10) as client:
        # Litestar serves nothing before every lifespan manager has entered, so a failing upstream aborts the start.
        (await client.get("/")).raise_for_status()
        app.state.upstream = client
        yield
    log.info("upstream client closed")


@get("/")
async def relay(state: State) -> dict[str, int]:
    upstream: httpx.AsyncClient = state.upstream
    answer = await upstream.get("/")
    return {"upstream": answer.status_code}


app = Litestar(route_handlers=[relay], lifespan=[upstream_client])
