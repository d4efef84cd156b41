"""Validate a JSON request body against a Pydantic model in Responder."""

from itertools import count

import responder
from pydantic import BaseModel, Field

api = responder.API()
# The counter lives in this process only: other workers count on their own and a restart begins again at 1.
next_id = count(1)


class NewItem(BaseModel):
    name: str
    price: float = Field(gt=0)


class Item(NewItem):
    id: int


@api.route("/items", methods=["POST"], status_code=201)
async def create_item(req: responder.Request, resp: responder.Response, *, item: NewItem) -> Item:
    return Item(id=next(next_id), **item.model_dump())
