"""Validate a JSON request body with a muffin-rest handler and a marshmallow schema."""

from itertools import count
from typing import Any

import marshmallow as ma
from muffin import Application, Request, Response
from muffin_rest import API, RESTHandler

app = Application()
# Without openapi=False, muffin-rest would also serve /swagger, /redoc and /openapi.json.
api = API(app, openapi=False)

# Both live in this process: workers do not share them and a restart resets them; a real app keeps items in a database.
ITEMS: dict[int, dict[str, Any]] = {}
next_id = count(1)


class ItemSchema(ma.Schema):
    id = ma.fields.Integer(dump_only=True)
    name = ma.fields.String(required=True)
    price = ma.fields.Float(required=True, validate=ma.validate.Range(min=0, min_inclusive=False))


# muffin-rest loads the body through the schema and answers invalid data with a 400 whose JSON
# lists the errors by field. It also takes a JSON list and creates one item per element.
@api.route("/items")
class Items(RESTHandler):
    methods = ("POST",)

    class Meta:
        name = "items"
        Schema = ItemSchema

    async def prepare_collection(self, request: Request) -> list[dict[str, Any]]:
        return list(ITEMS.values())

    async def save(self, request: Request, resource: dict[str, Any], *, update: bool = False) -> dict[str, Any]:
        resource["id"] = next(next_id)
        ITEMS[resource["id"]] = resource
        return resource

    async def post(self, request: Request, *, resource: dict[str, Any] | None = None) -> Response:
        # muffin-rest answers a creation with 200; the new item is announced with 201 Created.
        response = await super().post(request, resource=resource)
        response.status_code = 201
        return response
