"""Let in only requests that carry the API token, with Tornado's get_current_user hook checked in prepare()."""

import asyncio
import hmac
import os
from typing import Any

from tornado.options import define, options, parse_command_line
from tornado.web import Application, HTTPError, RequestHandler

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

define("port", default=8000, type=int, help="port to listen on")


class TokenRequiredHandler(RequestHandler):
    """Handlers that need the token inherit from this: @authenticated would redirect a GET to a login page, not answer 401."""

    def get_current_user(self) -> str | None:
        scheme, _, token = self.request.headers.get("Authorization", "").partition(" ")
        # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), API_TOKEN):
            return None
        return "api-client"

    def prepare(self) -> None:
        if self.current_user is None:
            raise HTTPError(401)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        # Set here, not before raising: Tornado clears the headers before it writes an error.
        if status_code == 401:
            self.set_header("WWW-Authenticate", "Bearer")
        super().write_error(status_code, **kwargs)


class MeHandler(TokenRequiredHandler):
    def get(self) -> None:
        self.write({"user": self.current_user})


async def main() -> None:
    parse_command_line()
    app = Application([(r"/me", MeHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
