"""webargs' Tornado parser turns a query argument into an int for the handler and answers 422 when it is not one."""

import asyncio
import json
from collections.abc import Callable

from tornado import httputil
from tornado.web import Application, RequestHandler
from webargs import fields
from webargs.tornadoparser import use_kwargs


class Echo(RequestHandler):
    @use_kwargs({"n": fields.Int(required=True)}, location="query")
    def get(self, n: int) -> None:
        self.write({"n": n})


class Capture(httputil.HTTPConnection):
    """The connection side of one request, kept in memory so that no socket is needed."""

    def __init__(self) -> None:
        self.status, self.body = 0, b""
        self.finished = asyncio.get_running_loop().create_future()

    def set_close_callback(self, callback: Callable[[], None] | None) -> None:
        pass

    def write_headers(
        self, start_line: httputil.RequestStartLine | httputil.ResponseStartLine, headers: httputil.HTTPHeaders, chunk: bytes | None = None
    ) -> asyncio.Future[None]:
        if isinstance(start_line, httputil.ResponseStartLine):
            self.status = start_line.code
        return self.write(chunk or b"")

    def write(self, chunk: bytes) -> asyncio.Future[None]:
        self.body += chunk
        written: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        written.set_result(None)
        return written

    def finish(self) -> None:
        self.finished.set_result(None)


async def get(app: Application, target: str) -> tuple[int, bytes]:
    """Hand one GET to the application the way Tornado's HTTP server does, with the connection in memory."""
    connection = Capture()
    request = app.start_request(None, connection)
    request.headers_received(httputil.RequestStartLine("GET", target, "HTTP/1.1"), httputil.HTTPHeaders({"Host": "probe"}))
    request.finish()
    await connection.finished
    return connection.status, connection.body


async def main() -> None:
    app = Application([("/echo", Echo)])
    for query, expected in (("n=21", (200, {"n": 21})), ("n=x", (422, None))):
        status, body = await get(app, f"/echo?{query}")
        if (status, json.loads(body) if status == 200 else None) != expected:
            raise SystemExit(f"GET /echo?{query} answered {status}: {body[:200]!r}")


if __name__ == "__main__":
    asyncio.run(main())
