"""Answer GET / with a JSON object from a one-file Django project served over ASGI."""

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, JsonResponse
from django.urls import path

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)


async def hello(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"message": "Hello, world!", "framework": "django"})


urlpatterns = [path("", hello)]

application = get_asgi_application()
