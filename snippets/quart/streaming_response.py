"""Send a 50 MiB body from an async generator with Quart, which streams any generator a handler returns."""

import asyncio
from collections.abc import AsyncIterator

from quart import Quart

app = Quart(__name__)

CHUNK = b"x" * 65536
CHUNKS = 800


async def chunks() -> AsyncIterator[bytes]:
    for _ in range(CHUNKS):
        yield CHUNK
        # Once the client has gone, Hypercorn takes each chunk without ever pausing; giving the event loop a turn
        # lets Quart see the disconnect and stop this generator instead of making the rest of the body.
        await asyncio.sleep(0)


@app.get("/stream")
async def stream() -> tuple[AsyncIterator[bytes], dict[str, str]]:
    return chunks(), {"Content-Type": "application/octet-stream"}
