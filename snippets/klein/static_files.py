"""Serve the static/ folder under /static/ by returning Twisted's File resource from a Klein branch route."""

import sys
from pathlib import Path

from klein import Klein
from twisted.web.iweb import IRequest
from twisted.web.pages import notFound
from twisted.web.resource import IResource
from twisted.web.static import File

app = Klein()
STATIC = Path(__file__).parent / "static"


class StaticFolder(File):
    # File would answer a folder's URL with an HTML list of its contents; only the files are meant to be public.
    def directoryListing(self) -> IResource:
        return notFound()


# branch=True hands the rest of the path to the resource, which refuses segments that leave the folder.
@app.route("/static/", branch=True)
def static(request: IRequest) -> File:
    return StaticFolder(str(STATIC))


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
