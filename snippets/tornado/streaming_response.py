"""Send a 50 MiB body from a generator with Tornado's RequestHandler.flush(), one 64 KiB chunk at a time."""

import asyncio
from collections.abc import Iterator

from tornado.iostream import StreamClosedError
from tornado.options import define, options, parse_command_line
from tornado.web import Application, RequestHandler

define("port", default=8000, type=int, help="port to listen on")

CHUNK = b"x" * 65536
CHUNKS = 800


def chunks() -> Iterator[bytes]:
    for _ in range(CHUNKS):
        yield CHUNK


class StreamHandler(RequestHandler):
    async def get(self) -> None:
        self.set_header("Content-Type", "application/octet-stream")
        for chunk in chunks():
            self.write(chunk)
            try:
                # Awaiting flush() waits until the socket has taken the chunk, so the next one is made only then.
                await self.flush()
            except StreamClosedError:
                return


async def main() -> None:
    parse_command_line()
    app = Application([(r"/stream", StreamHandler)])
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
