"""Send server-sent events through aiohttp's StreamResponse, picking up after the client's Last-Event-ID."""

import asyncio
import contextlib

from aiohttp import web

LAST_ID = 5


def resume_after(request: web.Request) -> int:
    """The last id the client saw, from the header a reconnecting browser sends; 0 when it starts afresh."""
    value = request.headers.get("Last-Event-ID", "")
    return int(value) if value.isdecimal() else 0


async def events(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
    await response.prepare(request)
    # A client that goes away makes the next write raise; there is no one left to answer, so the stream just ends.
    with contextlib.suppress(ConnectionError):
        for number in range(resume_after(request) + 1, LAST_ID + 1):
            # Each write goes to the socket at once, not when the handler returns.
            await response.write(f"id: {number}\ndata: event {number}\n\n".encode())
            if number < LAST_ID:
                await asyncio.sleep(0.2)
    return response


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app.add_routes([web.get("/events", events)])
    return app
