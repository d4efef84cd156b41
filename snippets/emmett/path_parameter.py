"""Read an integer path parameter in Emmett; the route pattern does the conversion."""

from emmett import App
from emmett.tools import service

app = App(__name__)


# <int:...> only matches digits, so anything else is a 404 before the handler runs.
@app.route("/items/<int:item_id>", methods="get")
@service.json
async def read_item(item_id: int) -> dict[str, int]:
    return {"item_id": item_id}
