"""Send a 50 MiB body from an async generator with Responder's resp.stream, one 64 KiB chunk at a time."""

from collections.abc import AsyncIterator

import responder

api = responder.API()

CHUNK = b"x" * 65536
CHUNKS = 800


@api.route("/stream")
async def stream(req: responder.Request, resp: responder.Response) -> None:
    resp.mimetype = "application/octet-stream"

    # Starlette's StreamingResponse, which Responder sends this with, asks for a chunk only once the last one is sent.
    @resp.stream
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(CHUNKS):
            yield CHUNK
