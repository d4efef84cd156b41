"""Tag every request and response with an X-Request-ID from an HTTP middleware in FastAPI."""

import uuid
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

app = FastAPI()


@app.middleware("http")
async def request_id(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    value = request.headers.get("X-Request-ID") or str(uuid.uuid4())
    request.state.request_id = value
    response = await call_next(request)
    response.headers["X-Request-ID"] = value
    return response


@app.get("/")
async def show_request_id(request: Request) -> dict[str, str]:
    return {"request_id": request.state.request_id}
