"""Read a request header and a cookie in Flask, and set a Secure, HttpOnly, SameSite=Lax cookie."""

from flask import Flask, Response, jsonify, request

app = Flask(__name__)


@app.get("/whoami")
def whoami() -> Response:
    response = jsonify(client=request.headers.get("X-Client"), hint=request.cookies.get("hint"))
    response.set_cookie("visited", "yes", path="/", secure=True, httponly=True, samesite="Lax")
    return response
