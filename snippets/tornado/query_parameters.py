"""Validate query parameters with defaults and bounds in Tornado, through webargs."""

import asyncio
from typing import Any

from tornado.options import define, options, parse_command_line
from tornado.web import Application, RequestHandler
from webargs import fields, validate
from webargs.tornadoparser import HTTPError as ValidationError
from webargs.tornadoparser import use_args

define("port", default=8000, type=int, help="port to listen on")

SEARCH_ARGS = {
    "q": fields.Str(required=True),
    "limit": fields.Int(load_default=10, validate=validate.Range(min=1, max=100)),
}


class SearchHandler(RequestHandler):
    @use_args(SEARCH_ARGS, location="query")
    def get(self, args: dict[str, Any]) -> None:
        self.write(args)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        _, error, _ = kwargs.get("exc_info", (None, None, None))
        if isinstance(error, ValidationError):
            self.finish({"errors": error.messages})
        else:
            super().write_error(status_code, **kwargs)


async def main() -> None:
    parse_command_line()
    app = Application([(r"/search", SearchHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
