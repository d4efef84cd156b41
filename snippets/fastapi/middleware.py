"""Tag every request and response with an X-Request-ID from an HTTP middleware and the 500 handler in FastAPI."""

import re
import uuid
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@app.middleware("http")
async def request_id(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    given = request.headers.get("X-Request-ID", "")
    value = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())
    request.state.request_id = value
    response = await call_next(request)
    response.headers["X-Request-ID"] = value
    return response


# An unhandled exception passes back through the middleware to the outermost one, which answers it with the
# handler for Exception; the request state the middleware filled is still there.
@app.exception_handler(Exception)
async def server_error(request: Request, exc: Exception) -> Response:
    return PlainTextResponse("Internal Server Error", status_code=500, headers={"X-Request-ID": request.state.request_id})


@app.get("/")
async def show_request_id(request: Request) -> dict[str, str]:
    return {"request_id": request.state.request_id}


@app.get("/boom")
async def boom() -> None:
    raise RuntimeError("boom")
