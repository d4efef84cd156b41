"""One in-memory item resource in Django: a class-based view whose get, put and delete methods answer their verbs."""

import json
from typing import Any

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views import View

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)

# The items live in this process's memory: workers do not share them and a restart loses them; a real app keeps them in a database.
items: dict[int, dict[str, Any]] = {1: {"id": 1, "name": "Widget", "price": 9.5}}


def not_found() -> JsonResponse:
    return JsonResponse({"error": "not found"}, status=404)


# Any other method goes to View.http_method_not_allowed, which answers 405 with an Allow header listing these.
class ItemView(View):
    async def get(self, request: HttpRequest, item_id: int) -> HttpResponse:
        if item_id not in items:
            return not_found()
        return JsonResponse(items[item_id])

    async def put(self, request: HttpRequest, item_id: int) -> HttpResponse:
        if item_id not in items:
            return not_found()
        data = json.loads(request.body)
        items[item_id] = {"id": item_id, "name": data["name"], "price": data["price"]}
        return JsonResponse(items[item_id])

    async def delete(self, request: HttpRequest, item_id: int) -> HttpResponse:
        items.pop(item_id, None)
        return HttpResponse(status=204)


urlpatterns = [path("items/<int:item_id>", ItemView.as_view())]

application = get_asgi_application()
