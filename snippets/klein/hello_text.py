"""Return a plain-text greeting from Klein."""

import sys

from klein import Klein
from twisted.web.iweb import IRequest

app = Klein()


@app.route("/", methods=["GET"])
def hello(request: IRequest) -> str:
    # Twisted labels every answer text/html unless the handler says otherwise.
    request.setHeader("Content-Type", "text/plain; charset=utf-8")
    return "Hello, world!"


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
