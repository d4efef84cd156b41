"""Let in only requests that carry the API token, with a route decorator modelled on Bottle's own auth_basic."""

import functools
import hmac
import os
from collections.abc import Callable
from typing import Any

from bottle import Bottle, HTTPError, request

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

app = Bottle()


def bearer_token_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        # Read from the WSGI environ, where headers are latin-1 text that gives back the client's bytes,
        # because Bottle's request.headers decodes them as UTF-8 and fails on anything else.
        scheme, _, token = request.environ.get("HTTP_AUTHORIZATION", "").encode("latin-1").partition(b" ")
        # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
        if scheme.lower() != b"bearer" or not hmac.compare_digest(token, API_TOKEN):
            error = HTTPError(401, "Unauthorized")
            error.add_header("WWW-Authenticate", "Bearer")
            raise error
        return view(*args, **kwargs)

    return checked


@app.get("/me")
@bearer_token_required
def me() -> dict[str, str]:
    return {"user": "api-client"}
