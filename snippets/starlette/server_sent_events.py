"""Stream server-sent events with Starlette's StreamingResponse, resuming after the client's Last-Event-ID."""

import asyncio
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

LAST_ID = 5


def resume_after(request: Request) -> int:
    """The id the client saw last, from the header browsers send when they reconnect; 0 for a fresh start."""
    value = request.headers.get("last-event-id", "")
    return int(value) if value.isdecimal() else 0


async def ticks(start: int) -> AsyncIterator[str]:
    for number in range(start + 1, LAST_ID + 1):
        yield f"id: {number}\ndata: event {number}\n\n"
        if number < LAST_ID:
            await asyncio.sleep(0.2)


async def events(request: Request) -> StreamingResponse:
    # StreamingResponse stops the generator when the client goes away, so nothing is written to a closed socket.
    return StreamingResponse(
        ticks(resume_after(request)), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )


app = Starlette(routes=[Route("/events", events)])
