"""wireup's aiohttp integration fills a handler's Injected parameter with a scoped object made from the current request."""

import asyncio
from dataclasses import dataclass

import wireup
import wireup.integration.aiohttp
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from wireup import Injected, injectable


@dataclass
class Caller:
    name: str


@injectable(lifetime="scoped")
def make_caller(request: web.Request) -> Caller:
    return Caller(request.headers["X-Name"])


async def greet(request: web.Request, caller: Injected[Caller]) -> web.Response:
    return web.Response(text=f"hello {caller.name}")


async def main() -> None:
    app = web.Application()
    app.router.add_get("/greet", greet)
    # Listing the integration module among the injectables is what makes web.Request resolvable.
    container = wireup.create_async_container(injectables=[make_caller, wireup.integration.aiohttp])
    wireup.integration.aiohttp.setup(container, app)
    # aiohttp's test server listens on 127.0.0.1 only.
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/greet", headers={"X-Name": "probe"})
        body = await response.text()
    if (response.status, body) != (200, "hello probe"):
        raise SystemExit(f"GET /greet answered {response.status}: {body[:200]!r}")


if __name__ == "__main__":
    asyncio.run(main())
