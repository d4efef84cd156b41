"""Let in only requests that carry the API token, with a Starlette AuthenticationBackend and the user it sets."""

import hmac
import os

from starlette.applications import Starlette
from starlette.authentication import AuthCredentials, AuthenticationBackend, SimpleUser
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse
from starlette.routing import Route

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()


class BearerTokenBackend(AuthenticationBackend):
    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, SimpleUser] | None:
        scheme, _, token = conn.headers.get("Authorization", "").partition(" ")
        # Starlette decoded the header as latin-1, so encoding it back gives the bytes the client sent. compare_digest
        # takes as long whatever prefix matches, so timing gives nothing of the token away.
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode("latin-1"), API_TOKEN):
            return None
        return AuthCredentials(["authenticated"]), SimpleUser("api-client")


async def me(request: Request) -> JSONResponse:
    if not request.user.is_authenticated:
        return JSONResponse({"error": "unauthorized"}, status_code=401, headers={"WWW-Authenticate": "Bearer"})
    return JSONResponse({"user": request.user.display_name})


app = Starlette(routes=[Route("/me", me)], middleware=[Middleware(AuthenticationMiddleware, backend=BearerTokenBackend())])
