"""Stream a 50 MiB body from a Falcon ASGI responder by setting resp.stream to an async generator of 64 KiB chunks."""

from collections.abc import AsyncIterator

import falcon.asgi

CHUNK_SIZE = 65536
CHUNKS = 800


async def chunks() -> AsyncIterator[bytes]:
    for _ in range(CHUNKS):
        yield b"x" * CHUNK_SIZE


class Stream:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.content_type = "application/octet-stream"
        # Falcon sends each chunk before it asks for the next, so the server's pace sets the generator's. Falcon
        # cannot tell when a client leaves mid-body: Uvicorn then drops the chunks and the generator runs out quietly.
        resp.stream = chunks()


app = falcon.asgi.App()
app.add_route("/stream", Stream())
