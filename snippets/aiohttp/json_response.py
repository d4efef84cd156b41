"""Return a JSON object from aiohttp."""

from aiohttp import web


async def hello(request: web.Request) -> web.Response:
    return web.json_response({"message": "Hello, world!", "framework": "aiohttp"})


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app.add_routes([web.get("/", hello)])
    return app
