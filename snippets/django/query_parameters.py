"""Read a required and a bounded, defaulted query parameter in Django through django-ninja's typed signatures."""

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest
from django.urls import path

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)

# django-ninja reads its settings when imported, so it comes after settings.configure().
from ninja import NinjaAPI, Query  # noqa: E402

# NinjaAPI also publishes its OpenAPI schema at /openapi.json. Its /docs page is turned off: it renders through a
# template engine, which this one-file project does not configure, so it would answer 500.
api = NinjaAPI(docs_url=None)


# Django itself hands views the raw strings of request.GET; ninja converts and checks them, answering 422 otherwise.
@api.get("/search")
async def search(request: HttpRequest, q: str, limit: int = Query(10, ge=1, le=100)) -> dict[str, str | int]:
    return {"q": q, "limit": limit}


urlpatterns = [path("", api.urls)]

application = get_asgi_application()
