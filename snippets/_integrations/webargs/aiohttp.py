"""webargs' aiohttp parser turns a query parameter into an int for the handler and answers 422 when it is not one."""

import asyncio

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from webargs import fields
from webargs.aiohttpparser import use_kwargs


@use_kwargs({"n": fields.Int(required=True)}, location="query")
async def echo(request: web.Request, n: int) -> web.Response:
    return web.json_response({"n": n})


async def main() -> None:
    app = web.Application()
    app.router.add_get("/echo", echo)
    # aiohttp's test server listens on 127.0.0.1 only.
    async with TestClient(TestServer(app)) as client:
        for query, expected in (("n=21", (200, {"n": 21})), ("n=x", (422, None))):
            response = await client.get(f"/echo?{query}")
            body = await response.json() if response.status == 200 else None
            if (response.status, body) != expected:
                raise SystemExit(f"GET /echo?{query} answered {response.status}: {(await response.text())[:200]!r}")


if __name__ == "__main__":
    asyncio.run(main())
