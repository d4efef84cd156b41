"""Render a template in Tornado's own template language."""

import asyncio
from pathlib import Path

from tornado.options import define, options, parse_command_line
from tornado.web import Application, RequestHandler

define("port", default=8000, type=int, help="port to listen on")


class HelloHandler(RequestHandler):
    def get(self) -> None:
        # Tornado escapes {{ }} expressions by default.
        self.render("hello.html", name=self.get_argument("name", "world"))


async def main() -> None:
    parse_command_line()
    app = Application([(r"/hello", HelloHandler)], template_path=Path(__file__).parent / "templates")
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
