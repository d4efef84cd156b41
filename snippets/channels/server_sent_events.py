"""Stream server-sent events from a Django Channels AsyncHttpConsumer, resuming after the client's Last-Event-ID."""

import asyncio

from django.conf import settings
from django.core.asgi import get_asgi_application

settings.configure(ALLOWED_HOSTS=["127.0.0.1", "localhost"], ROOT_URLCONF=__name__)
django_application = get_asgi_application()

from channels.generic.http import AsyncHttpConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path, re_path  # noqa: E402

LAST_ID = 5


class EventsConsumer(AsyncHttpConsumer):
    async def handle(self, body: bytes) -> None:
        headers = dict(self.scope["headers"])
        seen = headers.get(b"last-event-id", b"").decode("latin-1")
        start = int(seen) if seen.isdecimal() else 0
        await self.send_headers(headers=[(b"Content-Type", b"text/event-stream"), (b"Cache-Control", b"no-cache")])
        for number in range(start + 1, LAST_ID + 1):
            await self.send_body(f"id: {number}\ndata: event {number}\n\n".encode(), more_body=True)
            if number < LAST_ID:
                await asyncio.sleep(0.2)
        await self.send_body(b"")


urlpatterns: list[object] = []

application = ProtocolTypeRouter(
    {
        # The event stream is a consumer; every other path is an ordinary Django view, here none.
        "http": URLRouter([path("events", EventsConsumer.as_asgi()), re_path(r"", django_application)]),
    }
)
