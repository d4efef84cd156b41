"""Answer GET / with plain text from Flask."""

from flask import Flask, Response

app = Flask(__name__)


@app.get("/")
def hello() -> Response:
    return Response("Hello, world!", mimetype="text/plain")
