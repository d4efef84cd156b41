"""Validate a JSON body in Falcon with its JSON Schema validator."""

from itertools import count
from typing import Any

import falcon
import falcon.asgi
from falcon.media.validators import jsonschema
from jsonschema import ValidationError

NEW_ITEM = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "price": {"type": "number", "exclusiveMinimum": 0},
    },
    "required": ["name", "price"],
}


class Items:
    def __init__(self) -> None:
        # The counter lives in this process: workers do not share it and a restart starts it over; a real app lets its database assign ids.
        self.next_id = count(1)

    @jsonschema.validate(req_schema=NEW_ITEM)
    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        data = await req.get_media()
        resp.media = {"id": next(self.next_id), "name": data["name"], "price": data["price"]}
        resp.status = falcon.HTTP_201


async def name_the_field(
    req: falcon.asgi.Request, resp: falcon.asgi.Response, ex: falcon.MediaValidationError, params: dict[str, Any]
) -> None:
    # The validator passes on only jsonschema's message, which can leave out the field; its cause knows the path.
    if isinstance(ex.__cause__, ValidationError):
        raise falcon.HTTPBadRequest(title=ex.title, description=f"{ex.__cause__.json_path}: {ex.__cause__.message}")
    raise ex


app = falcon.asgi.App()
app.add_route("/items", Items())
app.add_error_handler(falcon.MediaValidationError, name_the_field)
