"""Serve GET, PUT and DELETE on one in-memory resource with an aiohttp class-based view."""

from typing import Any

from aiohttp import web

ITEMS = web.AppKey("items", dict[int, dict[str, Any]])


class ItemView(web.View):
    @property
    def item_id(self) -> int:
        return int(self.request.match_info["item_id"])

    async def get(self) -> web.Response:
        item = self.request.app[ITEMS].get(self.item_id)
        if item is None:
            raise web.HTTPNotFound()
        return web.json_response(item)

    async def put(self) -> web.Response:
        items = self.request.app[ITEMS]
        if self.item_id not in items:
            raise web.HTTPNotFound()
        data = await self.request.json()
        items[self.item_id] = {"id": self.item_id, "name": data["name"], "price": data["price"]}
        return web.json_response(items[self.item_id])

    async def delete(self) -> web.Response:
        self.request.app[ITEMS].pop(self.item_id, None)
        return web.Response(status=204)


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    # The items live in this process's memory: workers do not share them and a restart loses them; a real app keeps them in a database.
    app[ITEMS] = {1: {"id": 1, "name": "Widget", "price": 9.5}}
    # Methods the view does not define get 405 with an Allow header.
    app.add_routes([web.view(r"/items/{item_id:\d+}", ItemView)])
    return app
