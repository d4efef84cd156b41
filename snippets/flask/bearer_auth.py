"""Let in only requests that carry the API token, with a Flask view decorator over Werkzeug's parsed Authorization."""

import hmac
import os
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import Flask, g, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

app = Flask(__name__)

P = ParamSpec("P")
R = TypeVar("R")


def token_required(view: Callable[P, R]) -> Callable[P, R]:
    @wraps(view)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        # Werkzeug parses the header into a lower-cased scheme and a token (None for key=value parameters).
        auth = request.authorization
        # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
        if auth is None or auth.type != "bearer" or not hmac.compare_digest((auth.token or "").encode(), API_TOKEN):
            raise Unauthorized(www_authenticate=WWWAuthenticate("bearer"))
        g.user = "api-client"
        return view(*args, **kwargs)

    return checked


@app.get("/me")
@token_required
def me() -> dict[str, str]:
    return {"user": g.user}
