"""Let in only requests that carry the API token, with a view decorator over Werkzeug's parsed Authorization header."""

import hmac
import os
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from quart import Quart, g, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized

P = ParamSpec("P")
R = TypeVar("R")

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

app = Quart(__name__)


def token_required(view: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    @wraps(view)
    async def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        # Werkzeug lowercases the scheme and leaves token None when the header holds parameters instead of a token.
        credentials = request.authorization
        token = (credentials.token or "") if credentials and credentials.type == "bearer" else ""
        # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
        if not hmac.compare_digest(token.encode(), API_TOKEN):
            raise Unauthorized(www_authenticate=WWWAuthenticate("bearer"))
        g.user = "api-client"
        return await view(*args, **kwargs)

    return guarded


@app.get("/me")
@token_required
async def me() -> dict[str, str]:
    return {"user": g.user}
