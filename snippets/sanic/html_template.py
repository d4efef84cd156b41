"""Render a Jinja template in Sanic, through Sanic Extensions."""

from pathlib import Path

from sanic import Request, Sanic

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("HtmlTemplate")
app.config.TEMPLATING_PATH_TO_TEMPLATES = Path(__file__).parent / "templates"


@app.get("/hello")
@app.ext.template("hello.html")
async def hello(request: Request) -> dict[str, str]:
    return {"name": request.args.get("name", "world")}
