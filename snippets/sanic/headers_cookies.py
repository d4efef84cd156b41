"""Read a request header and a cookie, and set a cookie, in Sanic."""

from sanic import HTTPResponse, Request, Sanic, json

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("HeadersCookies")


@app.get("/whoami")
async def whoami(request: Request) -> HTTPResponse:
    response = json({"client": request.headers.get("X-Client"), "hint": request.cookies.get("hint")})
    # Sanic marks cookies Secure unless told otherwise; that suits any site served over HTTPS.
    response.add_cookie("visited", "yes", path="/", httponly=True, samesite="Lax")
    return response
