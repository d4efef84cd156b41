"""Send a 50 MiB body from a generator with Muffin's ResponseStream, one 64 KiB chunk at a time."""

from collections.abc import AsyncIterator

from muffin import Application, Request, ResponseStream

app = Application()

CHUNK = b"x" * 65536
CHUNKS = 800


async def chunks() -> AsyncIterator[bytes]:
    # ResponseStream asks for a chunk only after sending the one before, so the body never sits in memory whole.
    for _ in range(CHUNKS):
        yield CHUNK


@app.route("/stream", methods=["GET"])
async def stream(request: Request) -> ResponseStream:
    return ResponseStream(chunks(), content_type="application/octet-stream")
