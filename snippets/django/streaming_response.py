"""Send a 50 MiB body from Django over ASGI with a StreamingHttpResponse over an async generator of 64 KiB chunks."""

from collections.abc import AsyncIterator

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, StreamingHttpResponse
from django.urls import path

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)

CHUNK_SIZE = 65536
CHUNKS = 800


async def chunks() -> AsyncIterator[bytes]:
    for _ in range(CHUNKS):
        yield b"x" * CHUNK_SIZE


async def stream(request: HttpRequest) -> StreamingHttpResponse:
    # Django sends each chunk before taking the next and cancels the generator if the client disconnects.
    return StreamingHttpResponse(chunks(), content_type="application/octet-stream")


urlpatterns = [path("stream", stream)]

application = get_asgi_application()
