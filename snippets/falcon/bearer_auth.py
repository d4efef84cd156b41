"""Let in only requests that carry the API token, with a Falcon before hook that raises HTTPUnauthorized."""

import hmac
import os

import falcon
import falcon.asgi

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()


async def require_api_token(req: falcon.asgi.Request, resp: falcon.asgi.Response, resource: object, params: dict[str, str]) -> None:
    scheme, _, token = (req.get_header("Authorization") or "").partition(" ")
    # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), API_TOKEN):
        raise falcon.HTTPUnauthorized(challenges=["Bearer"])
    req.context.user = "api-client"


class Me:
    @falcon.before(require_api_token)
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = {"user": req.context.user}


app = falcon.asgi.App()
app.add_route("/me", Me())
