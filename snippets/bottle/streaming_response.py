"""Stream a 50 MiB body from Bottle by returning a generator that yields 64 KiB chunks."""

from collections.abc import Iterator

from bottle import Bottle, response

app = Bottle()
CHUNK_SIZE = 65536
CHUNKS = 800


def chunks() -> Iterator[bytes]:
    for _ in range(CHUNKS):
        yield b"x" * CHUNK_SIZE


@app.get("/stream")
def stream() -> Iterator[bytes]:
    response.content_type = "application/octet-stream"
    # The WSGI server writes each chunk before it asks for the next, so a slow client slows the generator down;
    # when the client leaves, Gunicorn closes the generator and the connection without a traceback.
    return chunks()
