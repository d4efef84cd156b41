"""Give every Django response an X-Request-ID with an async middleware that the view reads back from the request."""

import uuid
from collections.abc import Awaitable, Callable

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from django.urls import path
from django.utils.decorators import async_only_middleware

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[f"{__name__}.request_id_middleware"],
)

Handler = Callable[[HttpRequest], Awaitable[HttpResponseBase]]


@async_only_middleware
def request_id_middleware(get_response: Handler) -> Handler:
    async def middleware(request: HttpRequest) -> HttpResponseBase:
        request_id = request.headers.get("X-Request-ID") or str(uuid.uuid4())
        request.request_id = request_id
        # Django turns a 404 or a failing view into a response before it gets back here, so errors carry the header too.
        response = await get_response(request)
        response["X-Request-ID"] = request_id
        return response

    return middleware


async def show_request_id(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"request_id": request.request_id})


urlpatterns = [path("", show_request_id)]

application = get_asgi_application()
