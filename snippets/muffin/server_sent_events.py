"""Send server-sent events with Muffin's ResponseSSE, resuming after the client's Last-Event-ID."""

import asyncio
from collections.abc import AsyncIterator

from muffin import Application, Request, ResponseSSE

app = Application()

LAST_EVENT = 5


async def ticks(after: int) -> AsyncIterator[dict[str, str | int]]:
    for number in range(after + 1, LAST_EVENT + 1):
        # ResponseSSE writes each key as a field line and ends the event with a blank line.
        yield {"id": number, "data": f"event {number}"}
        if number < LAST_EVENT:
            await asyncio.sleep(0.2)


@app.route("/events", methods=["GET"])
async def events(request: Request) -> ResponseSSE:
    # A reconnecting browser sends the id it saw last; anything but a number starts from the beginning.
    last_seen = request.headers.get("last-event-id", "")
    # ResponseSSE sets Cache-Control: no-cache and stops the generator when the client disconnects.
    return ResponseSSE(ticks(int(last_seen) if last_seen.isdecimal() else 0))
