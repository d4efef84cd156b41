"""Let in only requests that carry the API token, with a hug authenticator given as the route's requirement."""

import hmac
import os

import hug

# Read once at startup; the server does not start without it.
API_TOKEN = os.environ["API_TOKEN"].encode()


# hug names the scheme in its 401 messages by this docstring's first line.
def bearer_token(request, response, verify_user, **kwargs):
    """Bearer token"""
    scheme, _, token = request.get_header("Authorization", default="").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return verify_user(token)


# hug's own token authenticator hands over the whole header and challenges with `token realm="simple"`, so this
# one reads the Bearer scheme itself; hug answers its None and False with a 401 that carries the challenge given here.
bearer = hug.authentication.authenticator(bearer_token, challenges=("Bearer",))


@bearer
def api_client(token):
    # compare_digest takes as long whatever prefix matches, so timing gives nothing of the token away.
    return "api-client" if hmac.compare_digest(token.encode(), API_TOKEN) else False


@hug.get("/me", requires=api_client)
def me(user: hug.directives.user):
    return {"user": user}
