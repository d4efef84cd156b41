"""Return a JSON object from Robyn."""

from robyn import Robyn

app = Robyn(__file__)


@app.get("/")
def hello() -> dict[str, str]:
    return {"message": "Hello, world!", "framework": "robyn"}


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
