"""Serve the static/ folder next to this file with Tornado."""

import asyncio
from pathlib import Path

from tornado.options import define, options, parse_command_line
from tornado.web import Application

define("port", default=8000, type=int, help="port to listen on")


async def main() -> None:
    parse_command_line()
    # static_path makes Tornado serve the folder under /static/.
    app = Application([], static_path=Path(__file__).parent / "static")
    app.listen(options.port, address="127.0.0.1")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
