"""Stream server-sent events with Responder's resp.sse generator, resuming after req.last_event_id."""

import asyncio
from collections.abc import AsyncIterator

import responder

api = responder.API()

LAST_ID = 5


@api.route("/events")
async def events(req: responder.Request, resp: responder.Response) -> None:
    # last_event_id is the Last-Event-ID header a browser sends when it reconnects.
    seen = req.last_event_id or ""
    start = int(seen) if seen.isdecimal() else 0

    # resp.sse sets text/event-stream and Cache-Control: no-cache, and writes each yielded dict as one event.
    @resp.sse
    async def ticks() -> AsyncIterator[dict[str, int | str]]:
        for number in range(start + 1, LAST_ID + 1):
            yield {"id": number, "data": f"event {number}"}
            if number < LAST_ID:
                await asyncio.sleep(0.2)
