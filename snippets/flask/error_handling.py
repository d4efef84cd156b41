"""Answer unknown paths and failing views in Flask with JSON, through its error handlers."""

from flask import Flask
from werkzeug.exceptions import InternalServerError, NotFound

app = Flask(__name__)


@app.get("/boom")
def boom() -> str:
    raise RuntimeError("secret detail")


@app.errorhandler(NotFound)
def not_found(error: NotFound) -> tuple[dict[str, str], int]:
    return {"error": "not found"}, 404


# Flask wraps an unhandled exception in InternalServerError; the traceback goes to the log, not to the client.
@app.errorhandler(InternalServerError)
def server_error(error: InternalServerError) -> tuple[dict[str, str], int]:
    return {"error": "internal server error"}, 500
