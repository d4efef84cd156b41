"""Answer unknown paths and failing handlers with JSON errors in Tornado."""

import asyncio
from typing import Any

from tornado.httputil import responses
from tornado.options import define, options, parse_command_line
from tornado.web import Application, HTTPError, RequestHandler

define("port", default=8000, type=int, help="port to listen on")


class JsonErrorHandler(RequestHandler):
    def write_error(self, status_code: int, **kwargs: Any) -> None:
        # Tornado's 405 does not name the allowed methods by itself.
        if status_code == 405:
            self.set_header("Allow", ", ".join(self.SUPPORTED_METHODS))
        # Only the status phrase: Tornado has already logged the exception, and with debug off it never sends it.
        self.finish({"error": responses.get(status_code, "error").lower()})


class BoomHandler(JsonErrorHandler):
    # Tornado refuses every other method with 405.
    SUPPORTED_METHODS = ("GET",)

    def get(self) -> None:
        raise RuntimeError("secret detail")


class NotFoundHandler(JsonErrorHandler):
    def prepare(self) -> None:
        raise HTTPError(404)


async def main() -> None:
    parse_command_line()
    app = Application([(r"/boom", BoomHandler)], default_handler_class=NotFoundHandler)
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
