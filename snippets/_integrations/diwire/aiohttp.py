"""diwire's aiohttp middleware makes the current request resolvable, so an injected handler gets an object made from it."""

import asyncio
from dataclasses import dataclass

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from diwire import Container, Injected, Scope, resolver_context
from diwire.integrations.aiohttp import add_request_context, request_context_middleware


@dataclass
class Caller:
    name: str


def make_caller(request: web.Request) -> Caller:
    return Caller(request.headers["X-Name"])


@resolver_context.inject(scope=Scope.REQUEST)
async def greet(request: web.Request, caller: Injected[Caller]) -> web.Response:
    return web.Response(text=f"hello {caller.name}")


async def main() -> None:
    container = Container()
    add_request_context(container)
    container.add_factory(make_caller, scope=Scope.REQUEST)
    app = web.Application(middlewares=[request_context_middleware])
    app.router.add_get("/greet", greet)
    # aiohttp's test server listens on 127.0.0.1 only.
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/greet", headers={"X-Name": "probe"})
        body = await response.text()
    if (response.status, body) != (200, "hello probe"):
        raise SystemExit(f"GET /greet answered {response.status}: {body[:200]!r}")


if __name__ == "__main__":
    asyncio.run(main())
