"""Let in only requests that carry the API token, with a Litestar authentication middleware and the user it sets."""

import hmac
import os

from litestar import Litestar, Request, get
from litestar.connection import ASGIConnection
from litestar.datastructures import State
from litestar.exceptions import NotAuthorizedException
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult, DefineMiddleware

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()


class BearerTokenMiddleware(AbstractAuthenticationMiddleware):
    async def authenticate_request(self, connection: ASGIConnection) -> AuthenticationResult:
        scheme, _, token = connection.headers.get("Authorization", "").partition(" ")
        # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), API_TOKEN):
            raise NotAuthorizedException(headers={"WWW-Authenticate": "Bearer"})
        return AuthenticationResult(user="api-client", auth=None)


@get("/me")
async def me(request: Request[str, None, State]) -> dict[str, str]:
    return {"user": request.user}


# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off); the
# middleware leaves them out so that they can be read without the token.
app = Litestar(route_handlers=[me], middleware=[DefineMiddleware(BearerTokenMiddleware, exclude="^/schema")])
