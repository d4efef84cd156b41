"""Send server-sent events from a FastAPI generator path operation with response_class=EventSourceResponse."""

import asyncio
from collections.abc import AsyncIterable
from typing import Annotated

from fastapi import FastAPI, Header
from fastapi.sse import EventSourceResponse, ServerSentEvent

app = FastAPI()

LAST_EVENT = 5


# FastAPI frames each yielded event, adds Cache-Control: no-cache, and stops the generator when the client leaves.
@app.get("/events", response_class=EventSourceResponse)
async def events(last_event_id: Annotated[int, Header(ge=0)] = 0) -> AsyncIterable[ServerSentEvent]:
    # A reconnecting browser sends Last-Event-ID with the id it saw last, so the stream picks up after it.
    for number in range(last_event_id + 1, LAST_EVENT + 1):
        # raw_data goes out as written; data= would send the text JSON-encoded, quotes included.
        yield ServerSentEvent(id=str(number), raw_data=f"event {number}")
        if number < LAST_EVENT:
            await asyncio.sleep(0.2)
