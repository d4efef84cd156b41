"""Render templates/hello.html with twisted.web.template, which Klein renders and which escapes slot values."""

import sys
from pathlib import Path

from klein import Klein
from twisted.python.filepath import FilePath
from twisted.web.iweb import IRequest
from twisted.web.template import Element, Tag, XMLFile, renderer

app = Klein()
TEMPLATES = Path(__file__).parent / "templates"


class HelloPage(Element):
    loader = XMLFile(FilePath(str(TEMPLATES / "hello.html")))

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    @renderer
    def page(self, request: IRequest, tag: Tag) -> Tag:
        return tag.fillSlots(name=self.name)


@app.route("/hello", methods=["GET"])
def hello(request: IRequest) -> HelloPage:
    name = request.args.get(b"name", [b"world"])[0].decode()
    return HelloPage(name)


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
