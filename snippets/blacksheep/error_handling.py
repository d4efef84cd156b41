"""Turn unknown paths and unhandled exceptions into JSON errors with BlackSheep exception handlers."""

from blacksheep import Application, Request, Response, get, json
from blacksheep.exceptions import HTTPException, InternalServerError

app = Application()


@get("/boom")
async def boom() -> Response:
    raise RuntimeError("secret detail")


@app.exception_handler(404)
async def not_found(app: Application, request: Request, exc: HTTPException) -> Response:
    return json({"error": "not found"}, status=404)


# BlackSheep logs any unhandled exception and hands this handler an InternalServerError that wraps it.
@app.exception_handler(500)
async def server_error(app: Application, request: Request, exc: InternalServerError) -> Response:
    return json({"error": "internal server error"}, status=500)
