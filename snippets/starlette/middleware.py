"""Tag every request and response with an X-Request-ID from a Starlette middleware."""

import uuid

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


class RequestIDMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        value = request.headers.get("X-Request-ID") or str(uuid.uuid4())
        request.state.request_id = value
        response = await call_next(request)
        response.headers["X-Request-ID"] = value
        return response


async def show_request_id(request: Request) -> JSONResponse:
    return JSONResponse({"request_id": request.state.request_id})


app = Starlette(routes=[Route("/", show_request_id)], middleware=[Middleware(RequestIDMiddleware)])
