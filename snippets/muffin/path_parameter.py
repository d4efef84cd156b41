"""Read an integer path parameter in Muffin."""

from muffin import Application, Request

app = Application()


# The int converter lives in the route: anything else does not match the route and gets a 404.
@app.route("/items/{item_id:int}")
async def read_item(request: Request) -> dict[str, int]:
    return {"item_id": request.path_params["item_id"]}
