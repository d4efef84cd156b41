"""Validate a JSON request body in Tornado, through webargs."""

import asyncio
from itertools import count
from typing import Any

from tornado.options import define, options, parse_command_line
from tornado.web import Application, RequestHandler
from webargs import fields, validate
from webargs.tornadoparser import HTTPError as ValidationError
from webargs.tornadoparser import use_args

define("port", default=8000, type=int, help="port to listen on")

NEW_ITEM = {
    "name": fields.Str(required=True),
    "price": fields.Float(required=True, validate=validate.Range(min=0, min_inclusive=False)),
}
# The counter lives in this process only: other workers count on their own and a restart begins again at 1.
next_id = count(1)


class ItemsHandler(RequestHandler):
    @use_args(NEW_ITEM, location="json")
    def post(self, item: dict[str, Any]) -> None:
        self.set_status(201)
        self.write({"id": next(next_id), **item})

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        # webargs raises its HTTPError with the messages per field; answer them as JSON.
        _, error, _ = kwargs.get("exc_info", (None, None, None))
        if isinstance(error, ValidationError):
            self.finish({"errors": error.messages})
        else:
            super().write_error(status_code, **kwargs)


async def main() -> None:
    parse_command_line()
    app = Application([(r"/items", ItemsHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
