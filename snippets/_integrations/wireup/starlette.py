"""wireup's Starlette integration fills an endpoint's Injected parameter with a scoped object made from the current request."""

import asyncio
from dataclasses import dataclass

import wireup
import wireup.integration.starlette
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message
from wireup import Injected, injectable


@dataclass
class Caller:
    name: str


@injectable(lifetime="scoped")
def make_caller(request: Request) -> Caller:
    return Caller(request.headers["x-name"])


@wireup.integration.starlette.inject
async def greet(request: Request, caller: Injected[Caller]) -> PlainTextResponse:
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
    # Listing the integration module among the injectables is what makes Request resolvable.
    container = wireup.create_async_container(injectables=[make_caller, wireup.integration.starlette])
    wireup.integration.starlette.setup(container, app)
    status, body = await get(app, "/greet", [(b"x-name", b"probe")])
    if (status, body) != (200, b"hello probe"):
        raise SystemExit(f"GET /greet answered {status}: {body[:200]!r}")


if __name__ == "__main__":
    asyncio.run(main())
