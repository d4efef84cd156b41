"""One in-memory item resource in Klein, with a route per HTTP method on the same path."""

import json
import sys

from klein import Klein
from twisted.web.iweb import IRequest

app = Klein()
# The items live in this process: other processes do not see them and a restart resets them; a real app keeps them in a database.
items: dict[int, dict[str, object]] = {1: {"id": 1, "name": "Widget", "price": 9.5}}


def json_answer(request: IRequest, payload: object, code: int = 200) -> str:
    request.setResponseCode(code)
    request.setHeader("Content-Type", "application/json")
    return json.dumps(payload)


# Other methods on this path get Werkzeug's 405, with an Allow header listing these three.
@app.route("/items/<int:item_id>", methods=["GET"])
def read_item(request: IRequest, item_id: int) -> str:
    if item_id not in items:
        return json_answer(request, {"error": "not found"}, 404)
    return json_answer(request, items[item_id])


@app.route("/items/<int:item_id>", methods=["PUT"])
def replace_item(request: IRequest, item_id: int) -> str:
    if item_id not in items:
        return json_answer(request, {"error": "not found"}, 404)
    data = json.loads(request.content.read())
    items[item_id] = {"id": item_id, "name": data["name"], "price": data["price"]}
    return json_answer(request, items[item_id])


@app.route("/items/<int:item_id>", methods=["DELETE"])
def delete_item(request: IRequest, item_id: int) -> bytes:
    items.pop(item_id, None)
    request.setResponseCode(204)
    return b""


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
