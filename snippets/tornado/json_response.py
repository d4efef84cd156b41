"""Return a JSON object from Tornado."""

import asyncio

from tornado.options import define, options, parse_command_line
from tornado.web import Application, RequestHandler

define("port", default=8000, type=int, help="port to listen on")


class HelloHandler(RequestHandler):
    def get(self) -> None:
        # Writing a dict sends it as JSON.
        self.write({"message": "Hello, world!", "framework": "tornado"})


async def main() -> None:
    parse_command_line()
    app = Application([(r"/", HelloHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
