"""Stream server-sent events with Robyn's SSEResponse and SSEMessage, resuming after the client's Last-Event-ID."""

import asyncio
from collections.abc import AsyncIterator

from robyn import Request, Robyn, SSEMessage, SSEResponse

app = Robyn(__file__)

LAST_ID = 5


async def ticks(after: int) -> AsyncIterator[str]:
    for number in range(after + 1, LAST_ID + 1):
        yield SSEMessage(f"event {number}", id=str(number))
        if number < LAST_ID:
            await asyncio.sleep(0.2)


@app.get("/events")
async def events(request: Request) -> SSEResponse:
    # Browsers send Last-Event-ID when they reconnect; anything else means a fresh start.
    seen = request.headers.get("last-event-id") or ""
    # SSEResponse sets text/event-stream, and Robyn adds Cache-Control: no-cache to every event stream.
    return SSEResponse(ticks(int(seen) if seen.isdecimal() else 0))


if __name__ == "__main__":
    app.start()
