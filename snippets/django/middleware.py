"""Give every Django response an X-Request-ID with an async middleware that the view reads back from the request."""

import re
import uuid
from collections.abc import Awaitable, Callable

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from django.urls import path
from django.utils.decorators import async_only_middleware
from django.views.decorators.http import require_GET

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[f"{__name__}.request_id_middleware"],
)

WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
Handler = Callable[[HttpRequest], Awaitable[HttpResponseBase]]


@async_only_middleware
def request_id_middleware(get_response: Handler) -> Handler:
    async def middleware(request: HttpRequest) -> HttpResponseBase:
        given = request.headers.get("X-Request-ID", "")
        request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())
        request.request_id = request_id
        # Django turns a 404 or a failing view into a response before it gets back here, so errors carry the header too.
        response = await get_response(request)
        response["X-Request-ID"] = request_id
        return response

    return middleware


@require_GET
async def show_request_id(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"request_id": request.request_id})


@require_GET
async def boom(request: HttpRequest) -> JsonResponse:
    raise RuntimeError("boom")


urlpatterns = [path("", show_request_id), path("boom", boom)]

application = get_asgi_application()
