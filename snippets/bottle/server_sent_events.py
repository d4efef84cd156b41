"""Send server-sent events from a Bottle handler that returns a generator, resuming after the client's Last-Event-ID."""

import time
from collections.abc import Iterator

from bottle import Bottle, request, response

app = Bottle()
LAST_ID = 5


def ticks(start: int) -> Iterator[bytes]:
    for number in range(start + 1, LAST_ID + 1):
        yield f"id: {number}\ndata: event {number}\n\n".encode()
        if number < LAST_ID:
            # A blocking sleep: Bottle is WSGI, so this stream holds one server thread until it ends.
            time.sleep(0.2)


@app.get("/events")
def events() -> Iterator[bytes]:
    # Headers and the request are read before returning: the server runs the generator after this function ends.
    response.content_type = "text/event-stream"
    response.set_header("Cache-Control", "no-cache")
    value = request.get_header("Last-Event-ID", "")
    # Gunicorn sends each yielded chunk at once, and closes the generator when the client is gone.
    return ticks(int(value) if value.isdecimal() else 0)
