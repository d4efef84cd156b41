"""Read a request header and a cookie in Bottle, and set a Secure, HttpOnly, SameSite=Lax cookie."""

from bottle import Bottle, request, response

app = Bottle()


@app.get("/whoami")
def whoami() -> dict[str, str | None]:
    response.set_cookie("visited", "yes", path="/", secure=True, httponly=True, samesite="lax")
    return {"client": request.get_header("X-Client"), "hint": request.get_cookie("hint")}
