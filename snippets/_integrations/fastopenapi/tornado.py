"""FastOpenAPI's Tornado router reads a query argument as the int its type hint names and answers 4xx when it is not one."""

import asyncio
import json
from collections.abc import Callable

from fastopenapi.routers.tornado import TornadoRouter
from tornado import httputil
from tornado.web import Application

app = Application()
router = TornadoRouter(app=app)


@router.get("/echo")
async def echo(n: int) -> dict[str, int]:
    return {"n": n}


ANSWERS: dict[str, Callable[[int, bytes], bool]] = {
    "n=21": lambda status, body: status == 200 and json.loads(body) == {"n": 21},
    "n=x": lambda status, body: 400 <= status < 500,
}


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
    for query, answered_right in ANSWERS.items():
        status, body = await get(app, f"/echo?{query}")
        if not answered_right(status, body):
            raise SystemExit(f"GET /echo?{query} answered {status}: {body[:200]!r}")


if __name__ == "__main__":
    asyncio.run(main())
