"""Stream a 50 MiB body from a FastAPI generator path operation with response_class=StreamingResponse."""

from collections.abc import AsyncIterable

from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()

CHUNK = b"x" * 65536
CHUNKS = 800


class OctetStreamResponse(StreamingResponse):
    media_type = "application/octet-stream"


# Each chunk is asked for once the server has sent the one before, so the body is never in memory whole.
@app.get("/stream", response_class=OctetStreamResponse)
async def stream() -> AsyncIterable[bytes]:
    for _ in range(CHUNKS):
        yield CHUNK
