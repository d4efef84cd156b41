"""Render templates/hello.html with BlackSheep's Jinja2 renderer."""

from pathlib import Path

from blacksheep import Application, Response, get
from blacksheep.server.rendering.jinja2 import JinjaRenderer
from blacksheep.server.responses import html
from blacksheep.settings.html import html_settings
from jinja2 import FileSystemLoader

renderer = JinjaRenderer(loader=FileSystemLoader(Path(__file__).parent / "templates"))
html_settings.use(renderer)

app = Application()


@get("/hello")
async def hello(name: str = "world") -> Response:
    # view() would look for "hello.html.jinja": BlackSheep appends .jinja to every template name that
    # lacks it, so the page is rendered through the renderer's environment (autoescaping .html).
    return html(renderer.env.get_template("hello.html").render(name=name))
