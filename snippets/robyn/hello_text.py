"""Return a plain-text greeting from Robyn."""

from robyn import Response, Robyn

app = Robyn(__file__)


@app.get("/")
def hello() -> Response:
    # A bare str would go out as text/plain without a charset, so the header is given in full.
    return Response(status_code=200, headers={"Content-Type": "text/plain; charset=utf-8"}, body="Hello, world!")


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
