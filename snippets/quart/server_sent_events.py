"""Stream server-sent events from a Quart async generator response, picking up after the client's Last-Event-ID."""

import asyncio
from collections.abc import AsyncIterator

from quart import Quart, Response, make_response, request, stream_with_context

app = Quart(__name__)

LAST_ID = 5
PAUSE_S = 0.2


@app.get("/events")
async def events() -> Response:
    # Quart runs the generator after this handler returns; stream_with_context keeps `request` readable inside it.
    @stream_with_context
    async def event_stream() -> AsyncIterator[str]:
        # Browsers send Last-Event-ID when they reconnect; anything else means a fresh start.
        seen = request.headers.get("Last-Event-ID", "")
        first = int(seen) + 1 if seen.isdecimal() else 1
        for number in range(first, LAST_ID + 1):
            if number > first:
                await asyncio.sleep(PAUSE_S)
            yield f"id: {number}\ndata: event {number}\n\n"

    response = await make_response(event_stream(), {"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
    # A live event stream may run for longer than Quart's default response timeout of 60 seconds.
    response.timeout = None
    return response
