"""Validate a JSON request body against a Pydantic model in Responder."""

from itertools import count

import responder
from pydantic import BaseModel, Field

api = responder.API()
next_id = count(1)


class NewItem(BaseModel):
    name: str
    price: float = Field(gt=0)


class Item(NewItem):
    id: int


@api.route("/items", methods=["POST"])
async def create_item(req: responder.Request, resp: responder.Response, *, item: NewItem) -> Item:
    resp.status_code = 201
    return Item(id=next(next_id), **item.model_dump())
