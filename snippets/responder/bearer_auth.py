"""Let in only requests that carry the API token, with Responder's BearerAuth scheme on the route."""

import hmac
import os

import responder
from responder.ext.auth import BearerAuth

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()


def api_client(token: str) -> str | None:
    # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
    return "api-client" if hmac.compare_digest(token.encode(), API_TOKEN) else None


api = responder.API()


# BearerAuth hands api_client the token of an "Authorization: Bearer ..." header and the handler what it returns; a
# missing header, another scheme or a None from api_client gets 401 with a Bearer challenge instead.
@api.get("/me", auth=BearerAuth(verify=api_client))
async def me(req: responder.Request, resp: responder.Response, *, user: str) -> None:
    resp.media = {"user": user}
