"""Validate a JSON request body in Sanic, through Sanic Extensions."""

from itertools import count

from pydantic import BaseModel, Field
from sanic import HTTPResponse, Request, Sanic, json
from sanic_ext import validate

app = Sanic("JsonBody")
next_id = count(1)


class Item(BaseModel):
    name: str
    price: float = Field(gt=0)


@app.post("/items")
@validate(json=Item)
async def create_item(request: Request, body: Item) -> HTTPResponse:
    return json({"id": next(next_id), **body.model_dump()}, status=201)
