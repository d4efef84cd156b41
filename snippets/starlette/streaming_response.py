"""Send a 50 MiB body from a generator with Starlette's StreamingResponse, one 64 KiB chunk at a time."""

from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

CHUNK = b"x" * 65536
CHUNKS = 800


async def chunks() -> AsyncIterator[bytes]:
    # Starlette asks for the next chunk only once the server has taken the last one, so at most a few are in memory.
    for _ in range(CHUNKS):
        yield CHUNK


async def stream(request: Request) -> StreamingResponse:
    return StreamingResponse(chunks(), media_type="application/octet-stream")


app = Starlette(routes=[Route("/stream", stream)])
