"""One in-memory item resource in Flask: a MethodView whose get, put and delete methods answer their verbs."""

from typing import Any

from flask import Flask, request
from flask.typing import ResponseReturnValue
from flask.views import MethodView

app = Flask(__name__)

# The items live in this process: workers do not share them and a restart resets them; a real app keeps them in a database.
items: dict[int, dict[str, Any]] = {1: {"id": 1, "name": "Widget", "price": 9.5}}


# Flask routes only the methods this class defines; any other gets 405 with an Allow header listing them.
class ItemAPI(MethodView):
    # The view keeps no state of its own, so one instance can serve every request.
    init_every_request = False

    def get(self, item_id: int) -> ResponseReturnValue:
        if item_id not in items:
            return {"error": "not found"}, 404
        return items[item_id]

    def put(self, item_id: int) -> ResponseReturnValue:
        if item_id not in items:
            return {"error": "not found"}, 404
        data = request.get_json()
        items[item_id] = {"id": item_id, "name": data["name"], "price": data["price"]}
        return items[item_id]

    def delete(self, item_id: int) -> ResponseReturnValue:
        items.pop(item_id, None)
        return "", 204


app.add_url_rule("/items/<int:item_id>", view_func=ItemAPI.as_view("item"))
