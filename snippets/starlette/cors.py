"""Allow cross-origin requests from one origin with Starlette's CORS middleware."""

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def list_items(request: Request) -> JSONResponse:
    return JSONResponse([])


app = Starlette(
    routes=[Route("/items", list_items)],
    middleware=[
        Middleware(
            CORSMiddleware,
            allow_origins=["https://app.example.com"],
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )
    ],
)
