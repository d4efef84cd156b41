"""Serve GET, PUT and DELETE on one in-memory resource with a Tornado handler."""

import asyncio
from typing import Any

from tornado.escape import json_decode
from tornado.options import define, options, parse_command_line
from tornado.web import Application, HTTPError, RequestHandler

define("port", default=8000, type=int, help="port to listen on")


class ItemHandler(RequestHandler):
    # Tornado refuses every other method with 405.
    SUPPORTED_METHODS = ("GET", "PUT", "DELETE")

    def initialize(self, items: dict[int, dict[str, Any]]) -> None:
        self.items = items

    def get(self, item_id: str) -> None:
        item = self.items.get(int(item_id))
        if item is None:
            raise HTTPError(404)
        self.write(item)

    def put(self, item_id: str) -> None:
        if int(item_id) not in self.items:
            raise HTTPError(404)
        try:
            data = json_decode(self.request.body)
            item = {"id": int(item_id), "name": data["name"], "price": data["price"]}
        except (ValueError, KeyError, TypeError) as error:
            # A body that is not JSON, or lacks a field, is the client's mistake: 400 rather than a 500.
            raise HTTPError(400, reason="the body must be a JSON object with name and price") from error
        self.items[int(item_id)] = item
        self.write(self.items[int(item_id)])

    def delete(self, item_id: str) -> None:
        self.items.pop(int(item_id), None)
        self.set_status(204)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        # Tornado's 405 does not name the allowed methods by itself.
        if status_code == 405:
            self.set_header("Allow", ", ".join(self.SUPPORTED_METHODS))
        super().write_error(status_code, **kwargs)


async def main() -> None:
    parse_command_line()
    # The items live in this process only: a restart loses them, and a real app keeps them in a database.
    items = {1: {"id": 1, "name": "Widget", "price": 9.5}}
    app = Application([(r"/items/(\d+)", ItemHandler, {"items": items})])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
