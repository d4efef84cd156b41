"""Send a 50 MiB body from a generator with Robyn's StreamingResponse, one 64 KiB chunk at a time."""

from robyn import Robyn, StreamingResponse
from robyn.robyn import Headers

app = Robyn(__file__)

CHUNK = b"x" * 65536
CHUNKS = 800
OCTET_STREAM = "application/octet-stream"


@app.get("/stream")
def stream() -> StreamingResponse:
    # A generator expression makes nothing up front: Robyn takes each chunk from it as the socket has room.
    body = (CHUNK for _ in range(CHUNKS))
    # Robyn 0.88 turns media_type into a Content-Type header only for event streams, so the header is set as well.
    return StreamingResponse(body, media_type=OCTET_STREAM, headers=Headers({"Content-Type": OCTET_STREAM}))


if __name__ == "__main__":
    app.start()
