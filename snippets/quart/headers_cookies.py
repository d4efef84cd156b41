"""Read a header and a cookie, and set a cookie, in Quart."""

from quart import Quart, Response, jsonify, request

app = Quart(__name__)


@app.get("/whoami")
async def whoami() -> Response:
    response = jsonify(client=request.headers.get("X-Client"), hint=request.cookies.get("hint"))
    response.set_cookie("visited", "yes", path="/", secure=True, httponly=True, samesite="Lax")
    return response
