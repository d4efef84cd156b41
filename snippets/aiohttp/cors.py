"""Allow one origin through CORS with aiohttp-cors."""

import aiohttp_cors
from aiohttp import web


async def list_items(request: web.Request) -> web.Response:
    return web.json_response([])


async def create_item(request: web.Request) -> web.Response:
    return web.json_response(await request.json(), status=201)


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app.add_routes([web.get("/items", list_items), web.post("/items", create_item)])
    cors = aiohttp_cors.setup(
        app,
        defaults={
            "https://app.example.com": aiohttp_cors.ResourceOptions(allow_methods=["GET", "POST"], allow_headers=["Content-Type"]),
        },
    )
    for route in list(app.router.routes()):
        cors.add(route)
    return app
