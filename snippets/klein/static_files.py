"""Serve the static/ folder under /static/ by returning Twisted's File resource from a Klein branch route."""

import sys
from pathlib import Path

from klein import Klein
from twisted.web.iweb import IRequest
from twisted.web.static import File

app = Klein()
STATIC = Path(__file__).parent / "static"


# branch=True hands the rest of the path to File, which refuses segments that leave the folder.
@app.route("/static/", branch=True)
def static(request: IRequest) -> File:
    return File(str(STATIC))


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
