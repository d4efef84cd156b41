"""Answer unknown paths and unhandled exceptions with JSON errors in Starlette."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def not_found(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": "not found"}, status_code=404)


async def server_error(request: Request, exc: Exception) -> JSONResponse:
    # The exception is still logged by the server; the client only learns that something failed.
    return JSONResponse({"error": "internal server error"}, status_code=500)


async def boom(request: Request) -> JSONResponse:
    raise RuntimeError("secret detail")


app = Starlette(
    routes=[Route("/boom", boom)],
    exception_handlers={404: not_found, 500: server_error},
)
