"""Validate a JSON request body against a Pydantic model in FastAPI."""

from itertools import count
from typing import Annotated

from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI()
next_id = count(1)


class NewItem(BaseModel):
    name: str
    price: Annotated[float, Field(gt=0)]


class Item(NewItem):
    id: int


@app.post("/items", status_code=201)
async def create_item(item: NewItem) -> Item:
    return Item(id=next(next_id), **item.model_dump())
