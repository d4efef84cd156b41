"""Send a 50 MiB body from a generator with Sanic's request.respond() and response.send(), one 64 KiB chunk at a time."""

from collections.abc import Iterator

from sanic import Request, Sanic

app = Sanic("StreamingResponse")

CHUNK = b"x" * 65536
CHUNKS = 800


def chunks() -> Iterator[bytes]:
    for _ in range(CHUNKS):
        yield CHUNK


@app.get("/stream")
async def stream(request: Request) -> None:
    response = await request.respond(content_type="application/octet-stream")
    for chunk in chunks():
        # send() waits while the client's socket is full, so the next chunk is made only once this one is taken.
        await response.send(chunk)
    await response.eof()
