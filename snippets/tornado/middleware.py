"""Give every response an X-Request-ID from a shared Tornado base handler."""

import asyncio
import re
from functools import cached_property
from uuid import uuid4

from tornado.options import define, options, parse_command_line
from tornado.web import Application, HTTPError, RequestHandler

WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")

define("port", default=8000, type=int, help="port to listen on")


class RequestIdHandler(RequestHandler):
    """Tornado has no middleware stack: handlers share this base class instead."""

    @cached_property
    def request_id(self) -> str:
        given = self.request.headers.get("X-Request-ID", "")
        return given if WELL_FORMED_ID.fullmatch(given) else str(uuid4())

    def set_default_headers(self) -> None:
        # Called for every response, and again when an error clears the headers, so errors keep the ID.
        self.set_header("X-Request-ID", self.request_id)


class ShowRequestIdHandler(RequestIdHandler):
    def get(self) -> None:
        self.write({"request_id": self.request_id})


class BoomHandler(RequestIdHandler):
    def get(self) -> None:
        raise RuntimeError("boom")


class NotFoundHandler(RequestIdHandler):
    def prepare(self) -> None:
        raise HTTPError(404)


async def main() -> None:
    parse_command_line()
    app = Application([(r"/", ShowRequestIdHandler), (r"/boom", BoomHandler)], default_handler_class=NotFoundHandler)
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
