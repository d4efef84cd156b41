"""Answer unknown paths and failing handlers with JSON errors in Robyn."""

import logging

from robyn import Request, Response, Robyn, jsonify

logger = logging.getLogger(__name__)

app = Robyn(__file__)


def json_error(status_code: int, message: str) -> Response:
    return Response(status_code=status_code, headers={"Content-Type": "application/json"}, body=jsonify({"error": message}))


# Registered before the routes: each route takes the exception handler known when it is added.
@app.exception
def handle_exception(error: Exception) -> Response:
    # The details go to the log, never to the client.
    logger.error("unhandled error", exc_info=error)
    return json_error(500, "internal server error")


@app.get("/boom")
def boom() -> str:
    raise RuntimeError("secret detail")


# Robyn has no not-found hook; a catch-all route is its documented fallback for unmatched paths.
@app.get("/*path")
def not_found(request: Request) -> Response:
    return json_error(404, "not found")


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
