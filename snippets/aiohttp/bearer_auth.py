"""Let in only requests that carry the API token, with an aiohttp middleware that raises HTTPUnauthorized."""

import hmac
import os

from aiohttp import web
from aiohttp.typedefs import Handler

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()
USER = web.RequestKey("user", str)


@web.middleware
async def require_api_token(request: web.Request, handler: Handler) -> web.StreamResponse:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    # aiohttp keeps bytes that are not UTF-8 as surrogates; surrogateescape turns them back into those bytes.
    # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode("utf-8", "surrogateescape"), API_TOKEN):
        raise web.HTTPUnauthorized(headers={"WWW-Authenticate": "Bearer"})
    request[USER] = "api-client"
    return await handler(request)


async def me(request: web.Request) -> web.Response:
    return web.json_response({"user": request[USER]})


def create_app(argv: list[str]) -> web.Application:
    app = web.Application(middlewares=[require_api_token])
    app.add_routes([web.get("/me", me)])
    return app
