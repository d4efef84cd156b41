"""Validate a JSON request body in Sanic, through Sanic Extensions."""

from itertools import count

from pydantic import BaseModel, Field
from sanic import HTTPResponse, Request, Sanic, json
from sanic_ext import validate

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("JsonBody")
# The counter lives in this process only: other workers count on their own and a restart begins again at 1.
next_id = count(1)


class Item(BaseModel):
    name: str
    price: float = Field(gt=0)


@app.post("/items")
@validate(json=Item)
async def create_item(request: Request, body: Item) -> HTTPResponse:
    return json({"id": next(next_id), **body.model_dump()}, status=201)
