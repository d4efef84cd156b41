"""Send a 50 MiB body from a generator with Litestar's Stream response, one 64 KiB chunk at a time."""

from collections.abc import AsyncIterator

from litestar import Litestar, get
from litestar.response import Stream

CHUNK = b"x" * 65536
CHUNKS = 800


async def chunks() -> AsyncIterator[bytes]:
    # Stream pulls a chunk only after sending the previous one, so the body is never built in memory.
    for _ in range(CHUNKS):
        yield CHUNK


@get("/stream")
async def stream() -> Stream:
    return Stream(chunks(), media_type="application/octet-stream")


app = Litestar(route_handlers=[stream])
