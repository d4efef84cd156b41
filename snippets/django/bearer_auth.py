"""Let in only requests that carry the API token, with a view decorator in the manner of Django's login_required."""

import functools
import hmac
import os
from collections.abc import Awaitable, Callable

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

View = Callable[[HttpRequest], Awaitable[HttpResponse]]


def bearer_token_required(view: View) -> View:
    # An async wrapper keeps the view async, so Django runs it on the event loop rather than in a thread.
    @functools.wraps(view)
    async def checked(request: HttpRequest) -> HttpResponse:
        # Django's ASGI handler decodes headers as latin-1, so encoding back gives exactly the bytes the client sent.
        scheme, _, token = request.headers.get("Authorization", "").encode("latin-1").partition(b" ")
        # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
        if scheme.lower() != b"bearer" or not hmac.compare_digest(token, API_TOKEN):
            # Django has no 401 response class of its own.
            return JsonResponse({"error": "unauthorized"}, status=401, headers={"WWW-Authenticate": "Bearer"})
        return await view(request)

    return checked


@require_GET
@bearer_token_required
async def me(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"user": "api-client"})


urlpatterns = [path("me", me)]

application = get_asgi_application()
