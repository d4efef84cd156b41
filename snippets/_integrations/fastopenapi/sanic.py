"""FastOpenAPI's Sanic router reads a query argument as the int its type hint names and answers 4xx when it is not one."""

import asyncio
import json
from collections.abc import Callable
from typing import Any

from fastopenapi.routers.sanic import SanicRouter
from sanic import Sanic

Message = dict[str, Any]

app = Sanic("probe")
# sanic-ext, part of the pinned Sanic environment, already serves /docs, so the router's pages move aside.
router = SanicRouter(app=app, docs_url="/fastopenapi/docs", redoc_url="/fastopenapi/redoc", openapi_url="/fastopenapi/openapi.json")


@router.get("/echo")
async def echo(n: int) -> dict[str, int]:
    return {"n": n}


ANSWERS: dict[str, Callable[[int, bytes], bool]] = {
    "n=21": lambda status, body: status == 200 and json.loads(body) == {"n": 21},
    "n=x": lambda status, body: 400 <= status < 500,
}


async def get(path: str, query: str) -> tuple[int, bytes]:
    """Send one GET straight to the app through its ASGI interface, so that no server is needed."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"probe")],
    }
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"], b"".join(message.get("body", b"") for message in sent[1:])


async def main() -> None:
    # Sanic finishes setting up its routes during the ASGI lifespan's startup, so the requests go between startup and shutdown.
    inbox: asyncio.Queue[Message] = asyncio.Queue()
    outbox: asyncio.Queue[Message] = asyncio.Queue()
    lifespan = asyncio.create_task(app({"type": "lifespan", "asgi": {"version": "3.0"}}, inbox.get, outbox.put))
    await inbox.put({"type": "lifespan.startup"})
    started = await outbox.get()
    if started["type"] != "lifespan.startup.complete":
        raise SystemExit(f"Sanic did not start: {started}")
    try:
        for query, answered_right in ANSWERS.items():
            status, body = await get("/echo", query)
            if not answered_right(status, body):
                raise SystemExit(f"GET /echo?{query} answered {status}: {body[:200]!r}")
    finally:
        await inbox.put({"type": "lifespan.shutdown"})
        await lifespan


if __name__ == "__main__":
    asyncio.run(main())
