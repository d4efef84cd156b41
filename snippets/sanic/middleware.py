"""Give every response an X-Request-ID with Sanic request and response middleware."""

import re
from uuid import uuid4

from sanic import HTTPResponse, Request, Sanic, json

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("Middleware")
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@app.on_request
async def assign_request_id(request: Request) -> None:
    given = request.headers.get("X-Request-ID", "")
    request.ctx.request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid4())


@app.on_response
async def send_request_id(request: Request, response: HTTPResponse) -> None:
    response.headers["X-Request-ID"] = request.ctx.request_id


@app.get("/")
async def show_request_id(request: Request) -> HTTPResponse:
    return json({"request_id": request.ctx.request_id})


@app.get("/boom")
async def boom(request: Request) -> HTTPResponse:
    raise RuntimeError("boom")
