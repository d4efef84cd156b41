"""Read a request header and a cookie in Bottle, and set an HttpOnly, SameSite=Lax cookie."""

from bottle import Bottle, request, response

app = Bottle()


@app.get("/whoami")
def whoami() -> dict[str, str | None]:
    response.set_cookie("visited", "yes", path="/", httponly=True, samesite="lax")
    return {"client": request.get_header("X-Client"), "hint": request.get_cookie("hint")}
