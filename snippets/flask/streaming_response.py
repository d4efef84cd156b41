"""Stream a 50 MiB body from Flask by returning a generator, which the WSGI server writes one chunk at a time."""

from collections.abc import Iterator

from flask import Flask

app = Flask(__name__)

CHUNK = b"x" * 65536
CHUNKS = 800


def chunks() -> Iterator[bytes]:
    # The server asks for a chunk only once it has written the one before, so the body never sits in memory whole.
    for _ in range(CHUNKS):
        yield CHUNK


@app.get("/stream")
def stream() -> tuple[Iterator[bytes], dict[str, str]]:
    return chunks(), {"Content-Type": "application/octet-stream"}
