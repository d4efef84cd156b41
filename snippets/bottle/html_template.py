"""Render templates/hello.html with Bottle's SimpleTemplate engine, which escapes the name."""

from pathlib import Path

from bottle import Bottle, request, template

app = Bottle()

TEMPLATES = Path(__file__).parent / "templates"


@app.get("/hello")
def hello() -> str:
    return template("hello.html", template_lookup=[str(TEMPLATES)], name=request.query.get("name", "world"))
