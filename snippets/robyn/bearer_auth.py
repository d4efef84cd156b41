"""Let in only requests that carry the API token, with a Robyn AuthenticationHandler and auth_required routes."""

import hmac
import os

from robyn import Headers, Request, Response, Robyn
from robyn.authentication import AuthenticationHandler, BearerGetter
from robyn.robyn import Identity

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()

app = Robyn(__file__)


class ApiTokenHandler(AuthenticationHandler):
    def authenticate(self, request: Request) -> Identity | None:
        # BearerGetter returns what follows "Bearer ", or None for a missing header or another scheme.
        token = self.token_getter.get_token(request)
        # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
        if token is None or not hmac.compare_digest(token.encode(), API_TOKEN):
            return None
        return Identity(claims={"user": "api-client"})

    @property
    def unauthorized_response(self) -> Response:
        # Robyn's own challenge names the getter class ("BearerGetter"), which is not an HTTP scheme.
        return Response(status_code=401, headers=Headers({"WWW-Authenticate": "Bearer"}), description="Unauthorized")


app.configure_authentication(ApiTokenHandler(token_getter=BearerGetter()))


@app.get("/me", auth_required=True)
def me(request: Request) -> dict[str, str]:
    return {"user": request.identity.claims["user"]}


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
