"""Read an integer path parameter in Tornado."""

import asyncio

from tornado.options import define, options, parse_command_line
from tornado.web import Application, RequestHandler

define("port", default=8000, type=int, help="port to listen on")


class ItemHandler(RequestHandler):
    # The route's regex admits digits only; the captured group still arrives as a string.
    def get(self, item_id: str) -> None:
        self.write({"item_id": int(item_id)})


async def main() -> None:
    parse_command_line()
    app = Application([(r"/items/(\d+)", ItemHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
