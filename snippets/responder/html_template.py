"""Render an HTML page from a Jinja2 template in Responder."""

from pathlib import Path

import responder
from responder import Query

api = responder.API(templates_dir=Path(__file__).parent / "templates")


@api.route("/hello")
def hello(req: responder.Request, resp: responder.Response, *, name: str = Query("world")) -> None:
    resp.render("hello.html", name=name)
