"""Answer unknown paths and failing handlers with JSON errors in Quart."""

from quart import Quart
from werkzeug.exceptions import InternalServerError, NotFound

app = Quart(__name__)


@app.errorhandler(NotFound)
async def not_found(error: NotFound) -> tuple[dict[str, str], int]:
    return {"error": "not found"}, 404


# Unhandled exceptions reach this handler as an InternalServerError; the original stays in the log.
@app.errorhandler(InternalServerError)
async def internal_error(error: InternalServerError) -> tuple[dict[str, str], int]:
    return {"error": "internal server error"}, 500


@app.get("/boom")
async def boom() -> dict[str, str]:
    raise RuntimeError("secret detail")
