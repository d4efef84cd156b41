"""Tag every request and response with an X-Request-ID from a Starlette middleware and the 500 handler."""

import re
import uuid

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


class RequestIDMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        given = request.headers.get("X-Request-ID", "")
        value = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())
        request.state.request_id = value
        response = await call_next(request)
        response.headers["X-Request-ID"] = value
        return response


# An unhandled exception passes back through this middleware to the outermost one, which answers it with the
# handler for Exception; the request state the middleware filled is still there.
async def server_error(request: Request, exc: Exception) -> Response:
    return PlainTextResponse("Internal Server Error", status_code=500, headers={"X-Request-ID": request.state.request_id})


async def show_request_id(request: Request) -> JSONResponse:
    return JSONResponse({"request_id": request.state.request_id})


async def boom(request: Request) -> Response:
    raise RuntimeError("boom")


app = Starlette(
    routes=[Route("/", show_request_id), Route("/boom", boom)],
    middleware=[Middleware(RequestIDMiddleware)],
    exception_handlers={Exception: server_error},
)
