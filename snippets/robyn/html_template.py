"""Render templates/hello.html with Robyn's Jinja2 support, which autoescapes HTML templates."""

from urllib.parse import unquote_plus

from robyn import Response, Robyn
from robyn.templating import render

app = Robyn(__file__)


@app.get("/hello")
def hello(name: str = "world") -> Response:
    # Robyn 0.88 hands over query values still percent-encoded (sparckles/Robyn#1438).
    # render() looks in the templates/ folder next to this file.
    return render("hello.html", name=unquote_plus(name))


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
