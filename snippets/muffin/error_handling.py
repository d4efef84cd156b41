"""Turn unknown paths and unhandled exceptions into JSON errors with Muffin error handlers."""

from muffin import Application, Request, ResponseError, ResponseJSON

app = Application()


@app.route("/boom", methods=["GET"])
async def boom(request: Request) -> None:
    raise RuntimeError("secret detail")


# HTTP errors, the router's 404 among them, are raised as ResponseError; handlers are keyed by type.
@app.on_error(ResponseError)
async def http_error(request: Request, error: ResponseError) -> ResponseError | ResponseJSON:
    if error.status_code == 404:
        return ResponseJSON({"error": "not found"}, status_code=404)
    return error


@app.on_error(Exception)
async def server_error(request: Request, error: Exception) -> ResponseJSON:
    app.logger.error("Unhandled error on %s", request.url.path, exc_info=error)
    return ResponseJSON({"error": "internal server error"}, status_code=500)
