"""Read an integer path parameter with Django's int path converter."""

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, JsonResponse
from django.urls import path

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)


async def read_item(request: HttpRequest, item_id: int) -> JsonResponse:
    return JsonResponse({"item_id": item_id})


# A segment that is not digits matches no pattern, so Django answers 404 without calling the view.
urlpatterns = [path("items/<int:item_id>", read_item)]

application = get_asgi_application()
