"""Answer unknown paths and failing views in Django with JSON, through the URLconf's handler404 and handler500."""

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

# DEBUG stays False (the default), so Django never renders its technical error pages. Its default logging then
# only mails failures to ADMINS, so this sends the django.request logger's errors, tracebacks included, to stderr.
settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    LOGGING={
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"console": {"class": "logging.StreamHandler"}},
        "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
    },
)


# A view takes every method unless told otherwise; this one answers others with 405 and an Allow header.
@require_GET
async def boom(request: HttpRequest) -> JsonResponse:
    raise RuntimeError("secret detail")


def not_found(request: HttpRequest, exception: Exception) -> JsonResponse:
    return JsonResponse({"error": "not found"}, status=404)


def server_error(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"error": "internal server error"}, status=500)


urlpatterns = [path("boom", boom)]
handler404 = not_found
handler500 = server_error

application = get_asgi_application()
