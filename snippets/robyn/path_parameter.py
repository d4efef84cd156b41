"""Read an integer path parameter in Robyn, converted from the handler's annotation."""

from robyn import Robyn

app = Robyn(__file__)


@app.get("/items/:item_id")
def read_item(item_id: int) -> dict[str, int]:
    return {"item_id": item_id}


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
