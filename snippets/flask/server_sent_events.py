"""Stream server-sent events from Flask by returning a generator, with the event-stream framing written by hand."""

import time
from collections.abc import Iterator

from flask import Flask, request

app = Flask(__name__)

LAST_EVENT = 5


def ticks(after: int) -> Iterator[str]:
    for number in range(after + 1, LAST_EVENT + 1):
        yield f"id: {number}\ndata: event {number}\n\n"
        if number < LAST_EVENT:
            time.sleep(0.2)


@app.get("/events")
def events() -> tuple[Iterator[str], dict[str, str]]:
    # Read before streaming starts: the generator runs after the view has returned, outside the request context.
    last_seen = request.headers.get("Last-Event-ID", "")
    start = int(last_seen) if last_seen.isdecimal() else 0
    # Each yielded event is written out at once. A sync worker stays busy for the whole stream, and learns that the
    # client left when the next write fails, which Gunicorn takes quietly.
    return ticks(start), {"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
