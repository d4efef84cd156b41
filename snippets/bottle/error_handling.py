"""Answer unknown paths and failing handlers in Bottle with JSON, through its error handlers."""

import json

from bottle import Bottle, HTTPError, response

app = Bottle()


@app.get("/boom")
def boom() -> str:
    raise RuntimeError("secret detail")


# Error handlers bypass the JSON plugin, so they serialise and label the body themselves.
@app.error(404)
def not_found(error: HTTPError) -> str:
    response.content_type = "application/json"
    return json.dumps({"error": "not found"})


# Bottle turns an uncaught exception into a 500 HTTPError; its traceback goes to the server's error log only.
@app.error(500)
def server_error(error: HTTPError) -> str:
    response.content_type = "application/json"
    return json.dumps({"error": "internal server error"})
