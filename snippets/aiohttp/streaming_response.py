"""Stream a 50 MiB body with aiohttp's StreamResponse, writing each 64 KiB chunk as a generator makes it."""

from collections.abc import Iterator

from aiohttp import web

CHUNK_SIZE = 65536
CHUNKS = 800


def chunks() -> Iterator[bytes]:
    for _ in range(CHUNKS):
        yield b"x" * CHUNK_SIZE


async def stream(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
    await response.prepare(request)
    try:
        for chunk in chunks():
            # write() waits while the socket's buffer is full, so a slow reader holds the generator back.
            await response.write(chunk)
    except ConnectionError:
        # The client left mid-body: the pending write raised, and aiohttp closes the connection itself.
        pass
    return response


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app.add_routes([web.get("/stream", stream)])
    return app
