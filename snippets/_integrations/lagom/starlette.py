"""lagom's Starlette integration builds routes whose endpoint gets its parameter from the container."""

import asyncio

from lagom import Container, injectable
from lagom.integrations.starlette import StarletteIntegration
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message


class Greeter:
    def greet(self, name: str) -> str:
        return f"hello {name}"


async def greet(request: Request, greeter: Greeter = injectable) -> PlainTextResponse:
    return PlainTextResponse(greeter.greet(request.headers["x-name"]))


async def get(app: ASGIApp, path: str, headers: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    """Send one GET straight to the ASGI app, since starlette.testclient needs httpx2, which the pinned environment lacks."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "method": "GET", "path": path, "query_string": b"", "headers": headers}
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"], b"".join(message.get("body", b"") for message in sent[1:])


async def main() -> None:
    integration = StarletteIntegration(Container())
    app = Starlette(routes=[integration.route("/greet", greet)])
    status, body = await get(app, "/greet", [(b"x-name", b"probe")])
    if (status, body) != (200, b"hello probe"):
        raise SystemExit(f"GET /greet answered {status}: {body[:200]!r}")


if __name__ == "__main__":
    asyncio.run(main())
