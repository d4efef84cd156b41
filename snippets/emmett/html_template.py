"""Render templates/hello.html with Emmett's Renoir templates, which escape output by default."""

from emmett import App, request

app = App(__name__)


# The returned dict is the template's context; templates/ next to this file is searched.
@app.route("/hello", methods="get", template="hello.html")
async def hello() -> dict[str, str]:
    return {"name": request.query_params.name or "world"}
