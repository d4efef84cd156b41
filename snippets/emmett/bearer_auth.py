"""Let in only requests that carry the API token, with an Emmett pipe on the route that aborts with 401."""

import hmac
import os

from emmett import App, Pipe, abort, request, response
from emmett.tools import service

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

app = App(__name__)


class BearerTokenPipe(Pipe):
    async def pipe_request(self, next_pipe, **kwargs):
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), API_TOKEN):
            abort(401)
        return await next_pipe(user="api-client", **kwargs)


# abort() sends no headers of its own; the answer takes those of the response its error handler fills.
@app.on_error(401)
async def challenge() -> str:
    response.headers["www-authenticate"] = "Bearer"
    return "Unauthorized"


@app.route("/me", methods="get", pipeline=[BearerTokenPipe()])
@service.json
async def me(user: str) -> dict[str, str]:
    return {"user": user}
