"""Open one httpx.AsyncClient for the app's lifetime in Django through django-asgi-lifespan's lifespan manager."""

import contextlib
import logging
import os
from collections.abc import AsyncIterator

import httpx
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import path

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "https://example.org")

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    # Puts what the lifespan manager yields on each request, as request.state.
    MIDDLEWARE=["django_asgi_lifespan.middleware.LifespanStateMiddleware"],
)

from django_asgi_lifespan.asgi import get_asgi_application  # noqa: E402
from django_asgi_lifespan.register import register_lifespan_manager  # noqa: E402

# Uvicorn, which serves this app, prints the INFO lines of its "uvicorn.error" logger, its general one.
logger = logging.getLogger("uvicorn.error")


@contextlib.asynccontextmanager
async def upstream_client() -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    async with httpx.AsyncClient(base_url=UPSTREAM_URL, timeout=10) as client:
        # Django's own ASGI handler rejects the lifespan scope; django-asgi-lifespan's runs this before serving.
        (await client.get("/")).raise_for_status()
        yield {"client": client}
    logger.info("upstream client closed")


async def relay(request: HttpRequest) -> JsonResponse:
    client: httpx.AsyncClient = request.state["client"]
    upstream = await client.get("/")
    return JsonResponse({"upstream": upstream.status_code})


urlpatterns = [path("", relay)]

register_lifespan_manager(context_manager=upstream_client)
application = get_asgi_application()
