"""Send server-sent events from a Falcon ASGI responder through resp.sse and SSEvent, resuming after Last-Event-ID."""

import asyncio
from collections.abc import AsyncIterator

import falcon.asgi

LAST_ID = 5


async def ticks(after: int) -> AsyncIterator[falcon.asgi.SSEvent]:
    for number in range(after + 1, LAST_ID + 1):
        yield falcon.asgi.SSEvent(text=f"event {number}", event_id=str(number))
        if number < LAST_ID:
            await asyncio.sleep(0.2)


class Events:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        # A reconnecting browser sends the id of the last event it saw.
        last_seen = req.get_header("Last-Event-ID", default="")
        resp.cache_control = ["no-cache"]
        # Falcon labels the stream text/event-stream, sends each event as it comes, and stops iterating once it
        # notices the client has disconnected.
        resp.sse = ticks(int(last_seen) if last_seen.isdecimal() else 0)


app = falcon.asgi.App()
app.add_route("/events", Events())
