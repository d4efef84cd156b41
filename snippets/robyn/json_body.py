"""Validate a JSON body with a Pydantic model in Robyn; bad bodies get an automatic 422."""

from itertools import count

from pydantic import BaseModel, Field
from robyn import Robyn

app = Robyn(__file__)
# The counter lives in this process only: other workers count on their own and a restart begins again at 1.
next_id = count(1)


class Item(BaseModel):
    name: str
    price: float = Field(gt=0)


@app.post("/items", status_code=201)
def create_item(item: Item) -> dict[str, object]:
    return {"id": next(next_id), **item.model_dump()}


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
