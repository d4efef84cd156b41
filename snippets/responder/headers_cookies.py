"""Read a request header and a cookie, and set a cookie, in Responder."""

import responder
from responder import Cookie, Header

api = responder.API()


@api.route("/whoami")
def whoami(
    req: responder.Request,
    resp: responder.Response,
    *,
    x_client: str | None = Header(None),
    hint: str | None = Cookie(None),
) -> None:
    resp.set_cookie("visited", "yes", path="/", secure=True, httponly=True, samesite="lax")
    resp.media = {"client": x_client, "hint": hint}
