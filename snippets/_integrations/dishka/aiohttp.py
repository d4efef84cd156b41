"""dishka's aiohttp integration hands a handler an object that a provider built from the current request."""

import asyncio
from dataclasses import dataclass

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from dishka import Provider, Scope, make_async_container, provide
from dishka.integrations.aiohttp import AiohttpProvider, FromDishka, inject, setup_dishka


@dataclass
class Caller:
    name: str


class CallerProvider(Provider):
    @provide(scope=Scope.REQUEST)
    def caller(self, request: web.Request) -> Caller:
        return Caller(request.headers["X-Name"])


@inject
async def greet(request: web.Request, caller: FromDishka[Caller]) -> web.Response:
    return web.Response(text=f"hello {caller.name}")


async def main() -> None:
    app = web.Application()
    app.router.add_get("/greet", greet)
    setup_dishka(make_async_container(CallerProvider(), AiohttpProvider()), app)
    # aiohttp's test server listens on 127.0.0.1 only.
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/greet", headers={"X-Name": "probe"})
        body = await response.text()
    if (response.status, body) != (200, "hello probe"):
        raise SystemExit(f"GET /greet answered {response.status}: {body[:200]!r}")


if __name__ == "__main__":
    asyncio.run(main())
