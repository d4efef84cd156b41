"""Read an integer path parameter in Quart with the int converter."""

from quart import Quart

app = Quart(__name__)


@app.get("/items/<int:item_id>")
async def read_item(item_id: int) -> dict[str, int]:
    return {"item_id": item_id}
