"""Muffin's on_startup hook opens one httpx.AsyncClient, the view uses it, and the on_shutdown hook closes it."""

import os

import httpx
from muffin import Application, Request

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")

# app.logger is Muffin's own logger; it prints from WARNING up unless LOG_LEVEL says otherwise.
app = Application(LOG_LEVEL="INFO")
# Muffin has no app state (resources live in plugins), so the client lives here, one per server process.
clients: dict[str, httpx.AsyncClient] = {}


@app.on_startup
async def open_upstream() -> None:
    client = clients["upstream"] = httpx.AsyncClient(base_url=UPSTREAM_URL, timeout=10)
    # Uvicorn waits for the startup hooks before it lets requests in, so a dead upstream stops the start.
    (await client.get("/")).raise_for_status()


@app.on_shutdown
async def close_upstream() -> None:
    await clients.pop("upstream").aclose()
    app.logger.info("upstream client closed")


@app.route("/")
async def relay(request: Request) -> dict[str, int]:
    answer = await clients["upstream"].get("/")
    return {"upstream": answer.status_code}
