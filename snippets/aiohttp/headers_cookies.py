"""Read a request header and a cookie, and set a cookie, in aiohttp."""

from aiohttp import web


async def whoami(request: web.Request) -> web.Response:
    response = web.json_response({"client": request.headers.get("X-Client"), "hint": request.cookies.get("hint")})
    response.set_cookie("visited", "yes", path="/", secure=True, httponly=True, samesite="Lax")
    return response


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app.add_routes([web.get("/whoami", whoami)])
    return app
