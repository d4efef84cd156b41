"""Return a JSON object from Starlette."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def hello(request: Request) -> JSONResponse:
    return JSONResponse({"message": "Hello, world!", "framework": "starlette"})


app = Starlette(routes=[Route("/", hello)])
