"""Answer unknown paths and failing handlers with JSON errors in Emmett."""

import json

from emmett import App, response

app = App(__name__)


@app.on_error(404)
async def not_found() -> str:
    response.headers["content-type"] = "application/json"
    return json.dumps({"error": "not found"})


# Outside debug mode (emmett serve never turns it on) a failing route ends up here.
@app.on_error(500)
async def server_error() -> str:
    response.headers["content-type"] = "application/json"
    return json.dumps({"error": "internal server error"})


@app.route("/boom", methods="get")
async def boom() -> str:
    raise RuntimeError("secret detail")
