"""Return a plain-text greeting from aiohttp."""

from aiohttp import web


async def hello(request: web.Request) -> web.Response:
    return web.Response(text="Hello, world!")


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app.add_routes([web.get("/", hello)])
    return app
