"""Send a 50 MiB body in 64 KiB chunks from a Django Channels AsyncHttpConsumer with send_body(more_body=True)."""

from django.conf import settings
from django.core.asgi import get_asgi_application

settings.configure(ALLOWED_HOSTS=["127.0.0.1", "localhost"], ROOT_URLCONF=__name__)
django_application = get_asgi_application()

from channels.generic.http import AsyncHttpConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path, re_path  # noqa: E402

CHUNK = b"x" * 65536
CHUNKS = 800


class StreamConsumer(AsyncHttpConsumer):
    async def handle(self, body: bytes) -> None:
        await self.send_headers(headers=[(b"Content-Type", b"application/octet-stream")])
        # Each send waits until Uvicorn can pass the chunk on. Daphne, Channels' own server, would instead queue every
        # chunk in memory (all 50 MiB, when the suite measured it), which is why these recipes run on Uvicorn.
        for _ in range(CHUNKS):
            await self.send_body(CHUNK, more_body=True)
        await self.send_body(b"")


urlpatterns: list[object] = []

application = ProtocolTypeRouter(
    {"http": URLRouter([path("stream", StreamConsumer.as_asgi()), re_path(r"", django_application)])}
)
