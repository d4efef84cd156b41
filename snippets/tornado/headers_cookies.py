"""Read a request header and a cookie, and set a cookie, in Tornado."""

import asyncio

from tornado.options import define, options, parse_command_line
from tornado.web import Application, RequestHandler

define("port", default=8000, type=int, help="port to listen on")


class WhoAmIHandler(RequestHandler):
    def get(self) -> None:
        self.set_cookie("visited", "yes", path="/", secure=True, httponly=True, samesite="Lax")
        self.write({"client": self.request.headers.get("X-Client"), "hint": self.get_cookie("hint")})


async def main() -> None:
    parse_command_line()
    app = Application([(r"/whoami", WhoAmIHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
