"""Read a header and a cookie, and set a cookie, in Robyn."""

from http.cookies import SimpleCookie

from robyn import Request, Response, Robyn, jsonify

app = Robyn(__file__)


@app.get("/whoami")
def whoami(request: Request) -> Response:
    # Robyn's request has no cookie accessor, so the Cookie header is parsed with the standard library.
    cookies = SimpleCookie(request.headers.get("Cookie") or "")
    hint = cookies["hint"].value if "hint" in cookies else None
    response = Response(
        status_code=200,
        headers={"Content-Type": "application/json"},
        body=jsonify({"client": request.headers.get("X-Client"), "hint": hint}),
    )
    response.set_cookie("visited", "yes", path="/", secure=True, http_only=True, same_site="Lax")
    return response


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
