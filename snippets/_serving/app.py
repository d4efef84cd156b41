"""One ASGI app for every server recipe. It uses no framework and reports what the server told it, so that what differs
from one recipe to the next is the server's doing alone."""

import asyncio
import json
import os

SLOW_S = 6.0
"""How long GET /slow takes: long enough to be in flight when the server is told to stop, and to outlast the moment a
busy machine takes to deliver the signal."""


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        await lifespan(receive, send)
    elif scope["type"] == "http":
        status, body = await answer(scope)
        payload = json.dumps(body).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})


async def lifespan(receive, send):
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def answer(scope):
    root_path = scope.get("root_path", "")
    # The ASGI spec has path include root_path; some servers leave it out, so the app routes on what follows it.
    path = scope["path"].removeprefix(root_path) if root_path else scope["path"]
    if path == "/health":
        return 200, {"status": "ok"}
    if path == "/slow":
        print("slow request started", flush=True)
        await asyncio.sleep(SLOW_S)
        return 200, {"slow": "done"}
    if path == "/":
        host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        client = scope.get("client")
        return 200, {
            "pid": os.getpid(),
            "client": client[0] if client else None,
            "scheme": scope["scheme"],
            # A URL the app makes for itself: behind a proxy that mounts it under a prefix, it must carry the prefix.
            "health_url": f"{scope['scheme']}://{host}{root_path}/health",
        }
    return 404, {"error": "not found"}
