"""Read an integer path parameter in Klein with a Werkzeug route converter."""

import json
import sys

from klein import Klein
from twisted.web.iweb import IRequest

app = Klein()


# <int:...> only matches digits, so anything else is a 404 before the handler runs.
@app.route("/items/<int:item_id>", methods=["GET"])
def read_item(request: IRequest, item_id: int) -> str:
    request.setHeader("Content-Type", "application/json")
    return json.dumps({"item_id": item_id})


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
