"""Validate a JSON body with a Pydantic model in Robyn; bad bodies get an automatic 422."""

from itertools import count

from pydantic import BaseModel, Field
from robyn import Robyn

app = Robyn(__file__)
next_id = count(1)


class Item(BaseModel):
    name: str
    price: float = Field(gt=0)


@app.post("/items", status_code=201)
def create_item(item: Item) -> dict[str, object]:
    return {"id": next(next_id), **item.model_dump()}


if __name__ == "__main__":
    app.start()
