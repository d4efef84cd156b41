"""Stream server-sent events from Django over ASGI with a StreamingHttpResponse fed by an async generator."""

import asyncio
from collections.abc import AsyncIterator

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, StreamingHttpResponse
from django.urls import path

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)

EVENTS = range(1, 6)
PAUSE_S = 0.2


async def events(request: HttpRequest) -> StreamingHttpResponse:
    # A browser that reconnects sends the id of the last event it saw; the stream goes on after it.
    last_seen = request.headers.get("Last-Event-ID", "")
    first = int(last_seen) + 1 if last_seen.isdecimal() else EVENTS.start

    async def stream() -> AsyncIterator[str]:
        for number in range(first, EVENTS.stop):
            if number > first:
                await asyncio.sleep(PAUSE_S)
            yield f"id: {number}\ndata: event {number}\n\n"

    # The iterator must be async: Django would warn about a plain one and drain it in a thread. Under ASGI it
    # cancels the generator when the client disconnects, so an abandoned stream simply stops.
    response = StreamingHttpResponse(stream(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    return response


urlpatterns = [path("events", events)]

application = get_asgi_application()
