"""Echo WebSocket messages with Tornado's WebSocketHandler; the text `bye` ends the connection with a normal close."""

import asyncio
from contextlib import suppress

from tornado.options import define, options, parse_command_line
from tornado.web import Application
from tornado.websocket import WebSocketClosedError, WebSocketHandler

define("port", default=8000, type=int, help="port to listen on")


class EchoHandler(WebSocketHandler):
    # Tornado answers a plain GET to this handler with 400 and checks the Origin header against the Host by default.

    async def on_message(self, message: str | bytes) -> None:
        if message == "bye":
            self.close(1000)
            return
        # A client that went away before its echo was sent needs nothing more.
        with suppress(WebSocketClosedError):
            # Text arrives as str and binary as bytes, so the frame type goes back as it came.
            await self.write_message(message, binary=isinstance(message, bytes))


async def main() -> None:
    parse_command_line()
    app = Application([(r"/ws", EchoHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
