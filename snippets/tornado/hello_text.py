"""Return a plain-text greeting from Tornado."""

import asyncio

from tornado.options import define, options, parse_command_line
from tornado.web import Application, RequestHandler

define("port", default=8000, type=int, help="port to listen on")


class HelloHandler(RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "text/plain; charset=UTF-8")
        self.write("Hello, world!")


async def main() -> None:
    parse_command_line()
    app = Application([(r"/", HelloHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
