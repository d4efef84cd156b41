"""Let in only requests that carry the API token, with a route decorator that raises Sanic's Unauthorized."""

import hmac
import os
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

from sanic import HTTPResponse, Request, Sanic, json
from sanic.exceptions import Unauthorized

P = ParamSpec("P")
R = TypeVar("R")

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("BearerAuth")


def token_required(handler: Callable[Concatenate[Request, P], Awaitable[R]]) -> Callable[Concatenate[Request, P], Awaitable[R]]:
    @wraps(handler)
    async def guarded(request: Request, *args: P.args, **kwargs: P.kwargs) -> R:
        # Not request.token: it finds "Bearer" anywhere in the header, so "Bearer<token>" with no space would pass.
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        # Sanic keeps header bytes that are not UTF-8 as surrogates; surrogateescape turns them back into those bytes.
        # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(errors="surrogateescape"), API_TOKEN):
            raise Unauthorized("Invalid or missing API token.", scheme="Bearer")
        request.ctx.user = "api-client"
        return await handler(request, *args, **kwargs)

    return guarded


@app.get("/me")
@token_required
async def me(request: Request) -> HTTPResponse:
    return json({"user": request.ctx.user})
