"""Read a request header and a cookie, and set a cookie, in Starlette."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def whoami(request: Request) -> JSONResponse:
    response = JSONResponse({"client": request.headers.get("X-Client"), "hint": request.cookies.get("hint")})
    response.set_cookie("visited", "yes", path="/", secure=True, httponly=True, samesite="lax")
    return response


app = Starlette(routes=[Route("/whoami", whoami)])
