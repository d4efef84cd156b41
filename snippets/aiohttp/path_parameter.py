"""Read an integer path parameter in aiohttp."""

from aiohttp import web


async def read_item(request: web.Request) -> web.Response:
    item_id = int(request.match_info["item_id"])
    return web.json_response({"item_id": item_id})


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app.add_routes([web.get(r"/items/{item_id:\d+}", read_item)])
    return app
