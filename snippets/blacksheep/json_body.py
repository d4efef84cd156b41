"""Validate a JSON request body with a Pydantic model in BlackSheep."""

from itertools import count

from blacksheep import Application, FromJSON, Response, created, post
from pydantic import BaseModel, Field

app = Application()


class NewItem(BaseModel):
    name: str
    price: float = Field(gt=0)


class Item(NewItem):
    id: int


# The counter lives in this process: workers do not share it and a restart starts it over; a real app lets its database assign ids.
next_id = count(1)


# An invalid body never reaches the handler: BlackSheep answers 400 with Pydantic's errors as JSON.
@post("/items")
async def create_item(data: FromJSON[NewItem]) -> Response:
    item = Item(id=next(next_id), **data.value.model_dump())
    return created(item)
