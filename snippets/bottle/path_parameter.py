"""Read an integer path parameter with Bottle's int wildcard filter."""

from bottle import Bottle

app = Bottle()


# The filter converts the segment to int; one that is not an integer matches no route, so Bottle answers 404.
@app.get("/items/<item_id:int>")
def read_item(item_id: int) -> dict[str, int]:
    return {"item_id": item_id}
