"""Validate a JSON body in Flask with a flask-openapi3 Pydantic model and answer 201 with the new item."""

from itertools import count

from flask_openapi3 import OpenAPI
from pydantic import BaseModel, Field

# flask-openapi3 also serves the OpenAPI schema at /openapi/openapi.json and a docs page at /openapi/ (doc_ui=False turns them off).
app = OpenAPI(__name__)
# The counter lives in this process: workers do not share it and a restart resets it; a real app lets its database number items.
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
