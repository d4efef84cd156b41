"""Validate a JSON body in Flask with a flask-openapi3 Pydantic model and answer 201 with the new item."""

from itertools import count

from flask_openapi3 import OpenAPI
from pydantic import BaseModel, Field

app = OpenAPI(__name__)
next_id = count(1)


class ItemIn(BaseModel):
    name: str
    price: float = Field(gt=0)


class ItemOut(ItemIn):
    id: int


# A body that fails ItemIn never reaches the view: the answer is a 422 listing each error with its field in "loc".
@app.post("/items", responses={201: ItemOut})
def create_item(body: ItemIn) -> tuple[dict[str, object], int]:
    return ItemOut(id=next(next_id), **body.model_dump()).model_dump(), 201
