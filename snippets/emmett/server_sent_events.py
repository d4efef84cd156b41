"""Stream server-sent events with Emmett's `sse` decorator, resuming after the client's Last-Event-ID."""

import asyncio
from collections.abc import AsyncIterator

from emmett import App, request
from emmett.tools import sse

app = App(__name__)
LAST_ID = 5


# sse() sets text/event-stream and Cache-Control: no-cache, sends each yielded event at once, and stops the
# generator when the client disconnects.
@app.route("/events", methods="get")
@sse()
async def events() -> AsyncIterator[sse.Event]:
    # The header a reconnecting browser sends with the last id it saw.
    seen = request.headers.get("last-event-id") or ""
    for number in range(int(seen) + 1 if seen.isdecimal() else 1, LAST_ID + 1):
        # A str is sent as the data line as it is; other data would be sent as JSON.
        yield sse.Event(data=f"event {number}", id=str(number))
        if number < LAST_ID:
            await asyncio.sleep(0.2)
