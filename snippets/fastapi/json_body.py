"""Validate a JSON request body against a Pydantic model in FastAPI."""

from itertools import count
from typing import Annotated

from fastapi import FastAPI
from pydantic import BaseModel, Field

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()
# The counter lives in this process: workers do not share it and a restart resets it; a real app lets its database number items.
next_id = count(1)


class NewItem(BaseModel):
    name: str
    price: Annotated[float, Field(gt=0)]


class Item(NewItem):
    id: int


@app.post("/items", status_code=201)
async def create_item(item: NewItem) -> Item:
    return Item(id=next(next_id), **item.model_dump())
