"""Render templates/hello.html with Jinja in Quart."""

from quart import Quart, render_template, request

app = Quart(__name__)


@app.get("/hello")
async def hello() -> str:
    # Jinja autoescapes .html templates, so the name cannot inject markup.
    return await render_template("hello.html", name=request.args.get("name", "world"))
