"""Read a header and a cookie and set a cookie in BlackSheep."""

from blacksheep import Application, Cookie, CookieSameSiteMode, FromCookie, FromHeader, Response, get, json

app = Application()


class FromClientHeader(FromHeader[str | None]):
    name = "X-Client"


class FromHintCookie(FromCookie[str | None]):
    name = "hint"


@get("/whoami")
async def whoami(client: FromClientHeader, hint: FromHintCookie) -> Response:
    response = json({"client": client.value, "hint": hint.value})
    response.set_cookie(Cookie("visited", "yes", secure=True, http_only=True, same_site=CookieSameSiteMode.LAX, path="/"))
    return response
