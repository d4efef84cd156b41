"""dishka's Starlette integration hands an endpoint an object that a provider built from the current request."""

import asyncio
from dataclasses import dataclass

from dishka import Provider, Scope, make_async_container, provide
from dishka.integrations.starlette import FromDishka, StarletteProvider, inject, setup_dishka
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message


@dataclass
class Caller:
    name: str


class CallerProvider(Provider):
    @provide(scope=Scope.REQUEST)
    def caller(self, request: Request) -> Caller:
        return Caller(request.headers["x-name"])


@inject
async def greet(request: Request, caller: FromDishka[Caller]) -> PlainTextResponse:
    return PlainTextResponse(f"hello {caller.name}")


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
    app = Starlette(routes=[Route("/greet", greet)])
    setup_dishka(make_async_container(CallerProvider(), StarletteProvider()), app)
    status, body = await get(app, "/greet", [(b"x-name", b"probe")])
    if (status, body) != (200, b"hello probe"):
        raise SystemExit(f"GET /greet answered {status}: {body[:200]!r}")


if __name__ == "__main__":
    asyncio.run(main())
