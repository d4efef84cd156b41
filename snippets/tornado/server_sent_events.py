"""Stream server-sent events from a Tornado RequestHandler, flushing each one and resuming after Last-Event-ID."""

import asyncio

from tornado.iostream import StreamClosedError
from tornado.options import define, options, parse_command_line
from tornado.web import Application, RequestHandler

define("port", default=8000, type=int, help="port to listen on")

LAST_ID = 5


class EventsHandler(RequestHandler):
    def resume_after(self) -> int:
        """The id the client saw last, from the header browsers send when they reconnect; 0 for a fresh start."""
        value = self.request.headers.get("Last-Event-ID", "")
        return int(value) if value.isdecimal() else 0

    async def get(self) -> None:
        self.set_header("Content-Type", "text/event-stream")
        self.set_header("Cache-Control", "no-cache")
        for number in range(self.resume_after() + 1, LAST_ID + 1):
            self.write(f"id: {number}\ndata: event {number}\n\n")
            try:
                # flush() sends what was written so far; it fails once the client has closed the connection.
                await self.flush()
            except StreamClosedError:
                return
            if number < LAST_ID:
                await asyncio.sleep(0.2)


async def main() -> None:
    parse_command_line()
    app = Application([(r"/events", EventsHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
