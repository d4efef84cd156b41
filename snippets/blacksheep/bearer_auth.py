"""Let in only requests that carry the API token, with a BlackSheep AuthenticationHandler and the auth() decorator."""

import hmac
import os

from blacksheep import Application, Request, Response, auth, get, json
from blacksheep.server.authentication import AuthenticationHandler
from blacksheep.server.responses import unauthorized
from guardpost import Identity, UnauthorizedError

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()


class BearerTokenAuthentication(AuthenticationHandler):
    @property
    def scheme(self) -> str:
        return "Bearer"

    async def authenticate(self, context: Request) -> Identity | None:
        # Headers arrive as bytes, so the token is compared without decoding whatever the client sent.
        scheme, _, token = (context.get_first_header(b"Authorization") or b"").partition(b" ")
        # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
        if scheme.lower() != b"bearer" or not hmac.compare_digest(token, API_TOKEN):
            return None
        return Identity({"sub": "api-client"}, self.scheme)


app = Application()
app.use_authentication().add(BearerTokenAuthentication())
app.use_authorization()


# BlackSheep's own answer to a refused request carries no challenge, so this one adds it.
@app.exception_handler(UnauthorizedError)
async def challenge(app: Application, request: Request, error: UnauthorizedError) -> Response:
    response = unauthorized("Unauthorized")
    response.set_header(b"WWW-Authenticate", b"Bearer")
    return response


@auth()
@get("/me")
async def me(user: Identity) -> Response:
    return json({"user": user.sub})
