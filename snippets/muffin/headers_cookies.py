"""Read a header and a cookie and set a cookie in Muffin."""

from muffin import Application, Request, ResponseJSON

app = Application()


@app.route("/whoami")
async def whoami(request: Request) -> ResponseJSON:
    response = ResponseJSON({"client": request.headers.get("x-client"), "hint": request.cookies.get("hint")})
    response.cookies["visited"] = "yes"
    response.cookies["visited"]["secure"] = True
    response.cookies["visited"]["httponly"] = True
    response.cookies["visited"]["samesite"] = "lax"
    response.cookies["visited"]["path"] = "/"
    return response
