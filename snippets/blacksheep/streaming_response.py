"""Send a 50 MiB body from an async generator through BlackSheep's StreamedContent, 64 KiB at a time."""

from collections.abc import AsyncIterator

from blacksheep import Application, Request, Response, StreamedContent, get

app = Application()
CHUNK_SIZE = 65536
CHUNKS = 800


@get("/stream")
async def stream(request: Request) -> Response:
    async def chunks() -> AsyncIterator[bytes]:
        # BlackSheep takes the next chunk only once the server has accepted the last one.
        for _ in range(CHUNKS):
            # A vanished client's chunks would be dropped without an error, so the generator stops making them.
            if await request.is_disconnected():
                return
            yield b"x" * CHUNK_SIZE

    return Response(200, content=StreamedContent(b"application/octet-stream", chunks))
