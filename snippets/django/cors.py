"""Allow one origin to call a Django view cross-origin with django-cors-headers."""

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, JsonResponse
from django.urls import path

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["corsheaders"],
    # The CORS middleware goes first so that it also answers preflight requests before any view runs.
    MIDDLEWARE=["corsheaders.middleware.CorsMiddleware"],
    CORS_ALLOWED_ORIGINS=["https://app.example.com"],
)


async def list_items(request: HttpRequest) -> JsonResponse:
    return JsonResponse([], safe=False)


urlpatterns = [path("items", list_items)]

application = get_asgi_application()
