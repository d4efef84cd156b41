"""Return a JSON object from Klein."""

import json
import sys

from klein import Klein
from twisted.web.iweb import IRequest

app = Klein()


@app.route("/", methods=["GET"])
def hello(request: IRequest) -> str:
    request.setHeader("Content-Type", "application/json")
    return json.dumps({"message": "Hello, world!", "framework": "klein"})


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
