"""Send server-sent events with Litestar's ServerSentEvent response, resuming after the client's Last-Event-ID."""

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from litestar import Litestar, get
from litestar.params import HeaderParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

LAST_EVENT = 5


async def ticks(after: int) -> AsyncIterator[ServerSentEventMessage]:
    for number in range(after + 1, LAST_EVENT + 1):
        yield ServerSentEventMessage(id=number, data=f"event {number}")
        if number < LAST_EVENT:
            await asyncio.sleep(0.2)


# The response sets Cache-Control: no-cache and cancels the generator as soon as the client disconnects.
@get("/events")
async def events(last_event_id: Annotated[int, HeaderParameter(name="Last-Event-ID", ge=0)] = 0) -> ServerSentEvent:
    return ServerSentEvent(ticks(last_event_id))


app = Litestar(route_handlers=[events])
