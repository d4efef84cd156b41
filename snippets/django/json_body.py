"""Validate a JSON body in Django with a django-ninja schema and answer 201 with the new item."""

from itertools import count

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.http import HttpRequest
from django.urls import path

settings.configure(
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
)

# django-ninja reads its settings when imported, so it comes after settings.configure().
from ninja import Field, NinjaAPI, Schema, Status  # noqa: E402

# NinjaAPI also publishes its OpenAPI schema at /openapi.json. Its /docs page is turned off: it renders through a
# template engine, which this one-file project does not configure, so it would answer 500.
api = NinjaAPI(docs_url=None)
# The counter lives in this process: workers do not share it and a restart starts it over; a real app lets its database assign ids.
next_id = count(1)


class ItemIn(Schema):
    name: str
    price: float = Field(gt=0)


class ItemOut(ItemIn):
    id: int


# A body that fails ItemIn never reaches the view: ninja answers 422 with each error's location, e.g. ["body", "item", "price"].
@api.post("/items", response={201: ItemOut})
async def create_item(request: HttpRequest, item: ItemIn) -> Status[ItemOut]:
    return Status(201, ItemOut(id=next(next_id), **item.model_dump()))


urlpatterns = [path("", api.urls)]

application = get_asgi_application()
