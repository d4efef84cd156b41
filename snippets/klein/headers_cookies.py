"""Read a header and a cookie, and set a cookie, with Klein's Twisted request."""

import json
import sys

from klein import Klein
from twisted.web.iweb import IRequest

app = Klein()


@app.route("/whoami", methods=["GET"])
def whoami(request: IRequest) -> str:
    # Twisted keeps cookie names and values as bytes.
    hint = request.getCookie(b"hint")
    request.addCookie(b"visited", b"yes", path=b"/", secure=True, httpOnly=True, sameSite="lax")
    request.setHeader("Content-Type", "application/json")
    return json.dumps({"client": request.getHeader("X-Client"), "hint": hint.decode() if hint is not None else None})


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
