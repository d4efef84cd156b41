"""Make one httpx.AsyncClient, inject it with Robyn's inject_global, check it in startup_handler, close it in shutdown_handler."""

import logging
import os
import signal

import httpx
from robyn import Robyn

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")
# Robyn sets Python's logging up at INFO unless told another --log-level, so this module's own logger prints.
logger = logging.getLogger(__name__)

app = Robyn(__file__)
# Module-level, so it lives in this process only; like Robyn's Prisma scaffold, it connects in the startup handler.
upstream = httpx.AsyncClient(base_url=UPSTREAM_URL, timeout=10)
app.inject_global(upstream=upstream)


@app.startup_handler
async def check_upstream() -> None:
    # Robyn starts listening only once this has returned; if it raises, Robyn 0.88 never listens but stays running.
    (await upstream.get("/")).raise_for_status()


@app.shutdown_handler
async def close_upstream() -> None:
    await upstream.aclose()
    logger.info("upstream client closed")


@app.get("/")
async def relay(global_dependencies: dict[str, httpx.AsyncClient]) -> dict[str, int]:
    answer = await global_dependencies["upstream"].get("/")
    return {"upstream": answer.status_code}


if __name__ == "__main__":
    # Robyn 0.88 runs its shutdown handler on Ctrl+C only: a single-process server ignores SIGTERM until it is killed
    # (sparckles/Robyn#1324). Turning SIGTERM into the same KeyboardInterrupt lets the handler run.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    app.start()
