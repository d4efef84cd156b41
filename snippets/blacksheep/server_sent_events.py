"""Stream server-sent events from a BlackSheep handler written as an async generator of TextServerSentEvent."""

import asyncio
from collections.abc import AsyncIterable

from blacksheep import Application, Request, get
from blacksheep.server.sse import TextServerSentEvent

app = Application()
LAST_ID = 5


def resume_after(request: Request) -> int:
    """The last id the client saw, from the header a reconnecting browser sends; 0 when it starts afresh."""
    value = (request.get_first_header(b"Last-Event-ID") or b"").decode("latin-1")
    return int(value) if value.isdecimal() else 0


# BlackSheep turns an async generator annotated as yielding ServerSentEvent into a text/event-stream response
# with Cache-Control: no-cache. TextServerSentEvent sends the data as it is, where ServerSentEvent would send JSON.
@get("/events")
async def events(request: Request) -> AsyncIterable[TextServerSentEvent]:
    for number in range(resume_after(request) + 1, LAST_ID + 1):
        yield TextServerSentEvent(f"event {number}", id=str(number))
        if number < LAST_ID:
            await asyncio.sleep(0.2)
            # The server drops what is sent to a vanished client without an error, so the generator asks.
            if await request.is_disconnected():
                return
