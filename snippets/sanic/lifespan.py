"""Open one httpx.AsyncClient in Sanic's before_server_start listener, keep it on app.ctx, close it after_server_stop."""

import os

import httpx
from sanic import HTTPResponse, Request, Sanic, json
from sanic.log import logger

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")

app = Sanic("Lifespan")


@app.before_server_start
async def open_upstream_client(app: Sanic) -> None:
    # Runs in every worker process, so each worker has a client of its own.
    app.ctx.upstream = httpx.AsyncClient(base_url=UPSTREAM_URL, timeout=10)
    # Fail fast: the worker takes no request until the upstream has answered, and does not start if it cannot.
    (await app.ctx.upstream.get("/")).raise_for_status()


@app.after_server_stop
async def close_upstream_client(app: Sanic) -> None:
    await app.ctx.upstream.aclose()
    # Sanic's own logger: its default logging setup prints INFO lines.
    logger.info("upstream client closed")


@app.get("/")
async def relay(request: Request) -> HTTPResponse:
    upstream = await request.app.ctx.upstream.get("/")
    return json({"upstream": upstream.status_code})
