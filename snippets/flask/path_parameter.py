"""Read an integer path parameter with Flask's int URL converter."""

from flask import Flask

app = Flask(__name__)


# A segment that is not digits matches no rule, so Flask answers 404 without calling the view.
@app.get("/items/<int:item_id>")
def read_item(item_id: int) -> dict[str, int]:
    return {"item_id": item_id}
