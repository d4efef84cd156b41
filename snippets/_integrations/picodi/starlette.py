"""picodi's Starlette middleware gives an endpoint a request-scoped dependency and closes it once the request is answered."""

import asyncio
from collections.abc import Generator

from picodi import Provide, inject, registry
from picodi.integrations.starlette import RequestScope, RequestScopeMiddleware
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message

closed: list[str] = []


class Greeter:
    def greet(self, name: str) -> str:
        return f"hello {name}"


@registry.set_scope(RequestScope)
def get_greeter() -> Generator[Greeter]:
    yield Greeter()
    closed.append("greeter")


@inject
async def greet(request: Request, greeter: Greeter = Provide(get_greeter)) -> PlainTextResponse:  # noqa: B008 (picodi reads the marker from the default)
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
    app = Starlette(routes=[Route("/greet", greet)], middleware=[Middleware(RequestScopeMiddleware)])
    status, body = await get(app, "/greet", [(b"x-name", b"probe")])
    if (status, body, closed) != (200, b"hello probe", ["greeter"]):
        raise SystemExit(f"GET /greet answered {status}: {body[:200]!r}, request-scoped dependencies closed: {closed}")


if __name__ == "__main__":
    asyncio.run(main())
