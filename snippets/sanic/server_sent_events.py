"""Stream server-sent events with Sanic's request.respond() and response.send(), resuming after Last-Event-ID."""

import asyncio

from sanic import Request, Sanic

app = Sanic("ServerSentEvents")

LAST_ID = 5


def resume_after(request: Request) -> int:
    """The id the client saw last, from the header browsers send when they reconnect; 0 for a fresh start."""
    value = request.headers.get("last-event-id", "")
    return int(value) if value.isdecimal() else 0


@app.get("/events")
async def events(request: Request) -> None:
    response = await request.respond(content_type="text/event-stream", headers={"Cache-Control": "no-cache"})
    for number in range(resume_after(request) + 1, LAST_ID + 1):
        # Each send() goes out at once. When the client leaves, Sanic cancels this handler without logging an error.
        await response.send(f"id: {number}\ndata: event {number}\n\n")
        if number < LAST_ID:
            await asyncio.sleep(0.2)
    await response.eof()
